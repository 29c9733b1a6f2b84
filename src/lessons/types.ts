/**
 * What a lesson is: a sequence of short steps. Each step's text lives in the
 * catalogues under keys derived from the lesson and step ids (see `keys.ts`),
 * so the content files hold only structure: what to load, what to point at,
 * which concepts it teaches and what moves the learner on.
 */
import type { EngineCommand, StatName } from '../protocol';
import type { PresetName } from '../scenario/scenario';
import type { ConceptId } from './concepts';

/** A figure compared with a number. */
export type Op = '>' | '>=' | '<' | '<=';

/** Something true of the running simulation, checked on every panel refresh. */
export type Condition =
  /** A figure (WorldView.stats) compared with a number. */
  | { kind: 'stat'; stat: StatName; op: Op; value: number }
  /** A figure grew by at least `by` since the step began. */
  | { kind: 'statRise'; stat: StatName; by: number }
  /** A cluster group fully online on a node (or anywhere but `notNode`). */
  | { kind: 'groupOnline'; group: string; node?: string; notNode?: string }
  /** A machine is up (or down). */
  | { kind: 'nodeUp'; node: string; up: boolean }
  /** Simulated time since the step began. */
  | { kind: 'elapsed'; us: number }
  | { kind: 'all'; of: Condition[] };

/** A command the learner sends, matched by type and (optionally) some of its fields. */
export interface CommandMatch {
  type: EngineCommand['type'];
  fields?: Record<string, string | number | boolean>;
}

/** What moves the learner on from a step. */
export type Goal =
  /** Reading is enough: "Next". */
  | { kind: 'read' }
  /** The learner does something (any panel, the graph, the inspector). */
  | { kind: 'action'; match: CommandMatch }
  /** The simulation reaches a state. */
  | { kind: 'condition'; when: Condition };

/** How a step sets up the simulation; without it, the step continues the live one. */
export interface StepSetup {
  preset?: PresetName;
  /** Cluster size for cluster presets. */
  nodes?: number;
  speed?: number;
  /** Commands sent once the step's run is ready (never of the type the step's own action goal asks for). */
  commands?: EngineCommand[];
  /**
   * What earlier steps asked the learner to do, redone when the step is opened
   * directly (a link, "back", a restart) rather than reached from the step before.
   */
  direct?: EngineCommand[];
}

/** Predict-then-observe: a multiple-choice question asked, paused, before the step runs. */
export interface Prediction {
  /** Number of options (keys `…q0`, `…q1`, …). */
  options: number;
  /** Index of the option the simulation will show. */
  answer: number;
}

export interface Step {
  /** Short id, unique in the lesson: its texts are `lesson.<lesson>.<step>.text|task|hint|…`. */
  id: string;
  setup?: StepSetup;
  /** Machines or links the step talks about (ids); the first is selected on the graph. */
  highlight?: string[];
  /** Concepts the step teaches. */
  concepts: ConceptId[];
  goal: Goal;
  /** Asked before the step runs; every step whose goal is not `read` also has a task and a hint text. */
  predict?: Prediction;
}

export interface Lesson {
  /** Also the URL's `?lesson=` value. */
  id: string;
  /** Where it sits in the source document (e.g. "2.1"). */
  section: string;
  steps: Step[];
}
