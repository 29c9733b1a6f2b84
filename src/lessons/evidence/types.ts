/**
 * What a run of a preset must show for each concept it is tagged with: the
 * evidence format. Pure data (plus a described predicate for model states),
 * checked by `check.ts` against a real run in `evidence.test.ts`.
 */
import type { EngineCommand, StatName, TraceEvent, WorldView } from '../../protocol';
import type { PresetName, PRESETS } from '../../scenario/scenario';
import type { Condition, Op } from '../types';

/** A machine, by id, or a pattern of ids (`/^client-/`). */
export type NodeRef = string | RegExp;

/**
 * When a state is checked: at the end of the run (the default), at a given
 * simulated second (before a command given for that second), or at any
 * sampled moment (`ever`: once a second, and at every command). A state
 * true at the start (a counter still at 0) should name its moment.
 */
export type When = number | 'end' | 'ever';

/** Simulated seconds [from, to]: only what happens in between counts. */
export type Window = [number, number];

/** How many times something must happen: at least `min` (default 1, or 0 when `max` is given), at most `max`. */
export interface Count {
  min?: number;
  max?: number;
}

/** A model's small state and the figures at one sampled moment. */
export interface Sample {
  nowUs: number;
  stats: WorldView['stats'];
  /** Each model's snapshot, by model name (cluster, messaging, parallel, ssi, suncluster, balancer, clientserver). */
  models: WorldView['models'];
  /** Node ids by network index (snapshots and the trace name nodes by index). */
  ids: string[];
}

export type Evidence =
  /** A trace event of this type, optionally on (`node`) or about (`peer`) given machines, with given numeric fields (a value, or a range [min, max]). */
  | ({ kind: 'event'; type: TraceEvent['type']; node?: NodeRef; peer?: NodeRef; fields?: Partial<Record<'msg' | 'a' | 'b' | 'c', number | [number, number]>>; during?: Window } & Count)
  /**
   * A message of this kind delivered, optionally from and to given machines,
   * carrying given fields (what the inspector shows of it: its SQL, its call
   * text, its IDL invocation...), a string field matched by a pattern.
   */
  | ({ kind: 'message'; msgKind: number; from?: NodeRef; to?: NodeRef; carries?: Record<string, string | number | RegExp>; during?: Window } & Count)
  /** A figure compared with a number (lesson goals use the same form). */
  | (Extract<Condition, { kind: 'stat' }> & { at?: When })
  /** Two figures compared. */
  | { kind: 'compare'; left: StatName; op: Op; right: StatName; at?: When }
  /** A cluster group fully online on one node (the lessons' goal of the same name). */
  | (Extract<Condition, { kind: 'groupOnline' }> & { at?: When })
  /** A state of a model's snapshot, said in words for the report. */
  | { kind: 'state'; says: string; holds: (s: Sample) => boolean; at?: When };

/** How a preset is run to show its concepts: how long, and what is done to it first (a crash, a change a lesson asks for). */
export interface RunPlan {
  /** Simulated seconds. */
  seconds: number;
  /** Commands applied at given simulated seconds (beside the preset's own script). */
  commands?: { at: number; cmd: EngineCommand }[];
}

/** A concept's evidence: shown in the preset's main run, or in a run of its own. */
export type Proof = Evidence[] | { run: RunPlan; show: Evidence[] };

/** The concept IDs a preset is tagged with. */
export type TagOf<P extends PresetName> = (typeof PRESETS)[P]['concepts'][number];

/** One preset's plan: its main run and, for every tag it has, what the run must show. */
export interface PresetEvidence<P extends PresetName> {
  run: RunPlan;
  tags: { [C in TagOf<P>]: Proof };
}

/** The plans of some presets (one lab's file). */
export type LabEvidence<Ps extends PresetName> = { [P in Ps]: PresetEvidence<P> };

/** The run a proof needs and what it must show there. */
export function proofParts(main: RunPlan, p: Proof): { run: RunPlan; show: Evidence[] } {
  return Array.isArray(p) ? { run: main, show: p } : p;
}
