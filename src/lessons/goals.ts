/**
 * Goals are checked against an observation of the live simulation, built
 * from what the store already holds (figures, model snapshots, the command
 * log). Pure functions, so the lesson machine can be tested without a worker.
 */
import type { EngineCommand, WorldView } from '../protocol';
import type { CommandMatch, Condition, Goal, Op } from './types';

/** A cluster group as the observation sees it: node ids where it is fully online. */
export interface GroupPlace {
  id: string;
  onlineOn: string[];
}

/** What the lessons see of the simulation at one moment. */
export interface Observation {
  /** Increments when a new run starts, so a baseline from another run is not compared with this one. */
  runId: number;
  nowUs: number;
  stats: WorldView['stats'];
  /** Up or down, by machine id. */
  up: Record<string, boolean>;
  groups: GroupPlace[];
  /** Every command of the run's log, oldest first. */
  commands: EngineCommand[];
}

function compare(a: number, op: Op, b: number): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/** Whether a condition holds now, given the observation taken when the step began. */
export function conditionHolds(c: Condition, obs: Observation, base: Observation): boolean {
  switch (c.kind) {
    case 'stat':
      return c.stat in obs.stats && compare(obs.stats[c.stat]!, c.op, c.value);
    case 'statRise':
      return (obs.stats[c.stat] ?? 0) - (base.runId === obs.runId ? (base.stats[c.stat] ?? 0) : 0) >= c.by;
    case 'groupOnline': {
      const g = obs.groups.find((x) => x.id === c.group);
      if (!g || g.onlineOn.length !== 1) return false;
      const where = g.onlineOn[0]!;
      return (c.node === undefined || where === c.node) && (c.notNode === undefined || where !== c.notNode);
    }
    case 'nodeUp':
      return obs.up[c.node] === c.up;
    case 'elapsed':
      return obs.nowUs - (base.runId === obs.runId ? base.nowUs : 0) >= c.us;
    case 'all':
      return c.of.every((x) => conditionHolds(x, obs, base));
  }
}

/** Whether a command is the one a step asks for. */
export function commandMatches(m: CommandMatch, cmd: EngineCommand): boolean {
  if (cmd.type !== m.type) return false;
  const fields = cmd as unknown as Record<string, unknown>;
  return Object.entries(m.fields ?? {}).every(([k, v]) => fields[k] === v);
}

/** Whether a step's goal is met: an action sent since the step began, or a condition that now holds. */
export function goalMet(goal: Goal, obs: Observation, base: Observation): boolean {
  switch (goal.kind) {
    case 'read':
      return false;
    case 'action': {
      // a log from another run (a new preset) counts from its start
      const since = base.runId === obs.runId ? Math.min(base.commands.length, obs.commands.length) : 0;
      return obs.commands.slice(since).some((c) => commandMatches(goal.match, c));
    }
    case 'condition':
      return conditionHolds(goal.when, obs, base);
  }
}
