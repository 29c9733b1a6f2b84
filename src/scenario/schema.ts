/** The scenario as zod checks it in share documents: the same rules as `validField` (a test holds them together). */
import { z } from 'zod';
import { PRESET_NAMES, SCENARIO_FIELDS, SCENARIO_VERSION, type PresetName } from './scenario';
import { WITNESS_KINDS, type WitnessKind } from '../labs/cluster/engine/spec';

const int = (f: { min: number; max: number }) => z.number().int().min(f.min).max(f.max);

export const scenarioSchema = z.object({
  version: z.literal(SCENARIO_VERSION),
  preset: z.enum(PRESET_NAMES as [PresetName, ...PresetName[]]),
  seed: int(SCENARIO_FIELDS.seed),
  clients: int(SCENARIO_FIELDS.clients),
  nodes: int(SCENARIO_FIELDS.nodes).optional(),
  witness: z.enum(WITNESS_KINDS as [WitnessKind, ...WitnessKind[]]).optional(),
});
