/** The app's own cluster presets for the engine's random cluster runs (labs/cluster/engine/fuzz.ts): the safety property on the worlds a person opens. Tests only. */
import type { WorldOf } from '../labs/cluster/engine/fuzz';
import { buildWorld, presetScenario, type PresetName } from './scenario';

export const CLUSTER_PRESETS = ['cluster', 'failback', 'splitbrain', 'passive', 'ha', 'ft', 'separate', 'shared'] as const satisfies readonly PresetName[];

export const presetWorld: WorldOf<(typeof CLUSTER_PRESETS)[number]> = (preset, nodes, witness) => buildWorld({ ...presetScenario(preset), clients: 4, nodes, witness });
