import type { Variant } from './labScenario';
import { PRESETS, PRESET_NAMES, type PresetName } from './scenario';

export type { Variant };

/** The contrasts the course makes, per preset (each lab's presets say theirs; none where no single setting makes the point). */
export const VARIANTS: Partial<Record<PresetName, readonly Variant[]>> = Object.fromEntries(
  PRESET_NAMES.flatMap((p) => (PRESETS[p].variants ? [[p, PRESETS[p].variants]] : [])),
);
