/** What a lab gives the scenario layer (src/labs/<lab>/scenario/presets.ts): its presets, each with its world. */
import type { EngineCommand, WorldSpec } from '../protocol';
import type { WitnessKind } from '../labs/cluster/engine/spec';

/** The scenario fields a preset's world is built from. */
export interface PresetInput {
  clients: number;
  nodes?: number;
  witness?: WitnessKind;
}

/** One setting changed from the start of a second run, for a side-by-side comparison. */
export interface Variant {
  id: string;
  cmds: EngineCommand[];
}

export interface LabPreset {
  /** The concept IDs a person sees in this preset's run (lessons/concepts.ts; the coverage test runs them). */
  concepts: readonly string[];
  /** Its default number of clients. */
  clients: number;
  /** The most nodes it takes (default 32: a Windows cluster heartbeats every pair each second). */
  maxNodes?: number;
  /** Its engine world. */
  world(s: PresetInput): WorldSpec;
  /** The contrasts the course makes with it, for compare mode (none where no single setting makes the point). */
  variants?: readonly Variant[];
}

export interface LabScenario {
  /** The preset picker's group it belongs to (a text `lab.<group>`); labs may share one. */
  picker: string;
  /** Its presets, in the order a course meets them. */
  presets: Record<string, LabPreset>;
}
