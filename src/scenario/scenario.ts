/**
 * The scenario document: what a run starts from. Versioned; every external
 * input (URL, file) goes through `restore`, which checks each field against
 * SCENARIO_FIELDS, fills defaults and says what it could not use instead of
 * failing. (Share documents check the same rules with zod: schema.ts, which
 * the page loads only with the share codec.)
 */
import { WITNESS_KINDS, type WitnessKind } from '../labs/cluster/engine/spec';
import type { WorldSpec } from '../protocol';
import type { LabPreset } from './labScenario';
import { LAB_SCENARIOS, type PresetName } from './labs';

export type { PresetName };
export const SCENARIO_VERSION = 1;

/**
 * The built-in presets, tagged with the concept IDs they let a person see,
 * each with its world: every lab's, from the labs' table (labs.ts).
 */
export const PRESETS = Object.assign({}, ...Object.values(LAB_SCENARIOS).map((lab) => lab.presets)) as Record<PresetName, LabPreset>;

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** The integer fields' bounds. */
export const SCENARIO_FIELDS = {
  seed: { min: 0, max: 0xffffffff },
  clients: { min: 1, max: 1000 },
  /** Cluster nodes, for the cluster presets; each preset has its own default and its own ceiling (maxNodes). */
  nodes: { min: 2, max: 1024 },
} as const;

/** The most nodes a preset takes (its own ceiling, else 32: a Windows cluster heartbeats every pair each second, and real ones stop at 16–64 nodes). */
export function maxNodes(preset: PresetName): number {
  return PRESETS[preset].maxNodes ?? 32;
}

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  preset: PresetName;
  seed: number;
  clients: number;
  nodes?: number;
  /** The Windows cluster's witness (cluster presets; default: a disk witness for two nodes, none for more). */
  witness?: WitnessKind;
}

/** Whether one field's value is valid (`version` is not read from outside). */
export function validField(key: Exclude<keyof Scenario, 'version'>, value: unknown): boolean {
  if (key === 'preset') return typeof value === 'string' && (PRESET_NAMES as string[]).includes(value);
  if ((key === 'nodes' || key === 'witness') && value === undefined) return true;
  if (key === 'witness') return typeof value === 'string' && (WITNESS_KINDS as string[]).includes(value);
  const { min, max } = SCENARIO_FIELDS[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The default scenario: a small office with six clients of three platforms (DS-SYSTEM, CS-ROLES). */
export const DEFAULT_SCENARIO: Scenario = { version: SCENARIO_VERSION, preset: 'office', seed: 1, clients: 6 };

/** A problem with an input, as a catalogue key plus its values. */
export interface RestoreProblem {
  field: string;
  value: string;
}

/**
 * Turns untrusted input into a valid scenario: fields that are wrong fall
 * back to their defaults and are reported, so the rest of the input is kept.
 */
export function restore(raw: unknown): { scenario: Scenario; problems: RestoreProblem[] } {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...DEFAULT_SCENARIO };
  const problems: RestoreProblem[] = [];
  for (const key of ['preset', 'seed', 'clients', 'nodes', 'witness'] as const) {
    if (!(key in input)) continue;
    if (validField(key, input[key])) out[key] = input[key];
    else problems.push({ field: key, value: String(input[key]).slice(0, 60) });
  }
  if (typeof out.nodes === 'number' && out.nodes > maxNodes(out.preset as PresetName)) {
    problems.push({ field: 'nodes', value: String(out.nodes) });
    delete out.nodes;
  }
  return { scenario: out as unknown as Scenario, problems };
}

/** Reads `?preset=`, `?seed=`, `?clients=`, `?nodes=` and `?witness=` from a query string. */
export function fromSearchParams(search: string): { scenario: Scenario; problems: RestoreProblem[] } {
  const p = new URLSearchParams(search);
  const raw: Record<string, unknown> = {};
  const preset = p.get('preset');
  if (preset !== null) raw.preset = preset;
  const known = (PRESET_NAMES as string[]).includes(preset ?? '') ? PRESETS[preset as PresetName] : PRESETS.office;
  raw.clients = known.clients;
  for (const key of ['seed', 'clients', 'nodes'] as const) {
    const v = p.get(key);
    if (v !== null) raw[key] = /^-?\d+$/.test(v) ? Number(v) : v;
  }
  const witness = p.get('witness');
  if (witness !== null) raw.witness = witness;
  return restore(raw);
}

/** The scenario of a preset with its own number of clients. */
export function presetScenario(preset: PresetName, seed = DEFAULT_SCENARIO.seed): Scenario {
  return { version: SCENARIO_VERSION, preset, seed, clients: PRESETS[preset].clients };
}

/** The engine world a scenario describes. */
export function buildWorld(scenario: Scenario): WorldSpec {
  // a share document's scenario is checked field by field: its node count may still be more than its preset takes
  const s = scenario.nodes !== undefined && scenario.nodes > maxNodes(scenario.preset) ? { ...scenario, nodes: maxNodes(scenario.preset) } : scenario;
  return PRESETS[s.preset].world(s);
}
