/**
 * The scenario document: what a run starts from. Versioned, validated with
 * zod, and every external input (URL, file) goes through `restore`, which
 * fills defaults and says what it could not use instead of failing.
 */
import { z } from 'zod';
import { clientServerWorld } from '../engine/clientserver/world';
import type { WorldSpec } from '../protocol';

export const SCENARIO_VERSION = 1;

export const scenarioSchema = z.object({
  version: z.literal(SCENARIO_VERSION),
  preset: z.enum(['office']),
  seed: z.number().int().min(0).max(0xffffffff),
  clients: z.number().int().min(1).max(1000),
});

export type Scenario = z.infer<typeof scenarioSchema>;

/** The built-in presets, tagged with the concept IDs they let a person see. */
export const PRESETS = {
  office: { concepts: ['DS-SYSTEM', 'DS-MESSAGES', 'CS-ROLES'] },
} as const;

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
  for (const key of Object.keys(scenarioSchema.shape) as (keyof Scenario)[]) {
    if (!(key in input) || key === 'version') continue;
    const r = scenarioSchema.shape[key].safeParse(input[key]);
    if (r.success) out[key] = r.data;
    else problems.push({ field: key, value: String(input[key]).slice(0, 60) });
  }
  return { scenario: out as Scenario, problems };
}

/** Reads `?seed=` and `?clients=` from a query string. */
export function fromSearchParams(search: string): { scenario: Scenario; problems: RestoreProblem[] } {
  const p = new URLSearchParams(search);
  const raw: Record<string, unknown> = {};
  for (const key of ['seed', 'clients'] as const) {
    const v = p.get(key);
    if (v !== null) raw[key] = /^-?\d+$/.test(v) ? Number(v) : v;
  }
  return restore(raw);
}

/** The engine world a scenario describes. */
export function buildWorld(s: Scenario): WorldSpec {
  return clientServerWorld(s.clients, Math.max(1, Math.ceil(s.clients / 24)));
}
