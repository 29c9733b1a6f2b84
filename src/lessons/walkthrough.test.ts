/**
 * Every lesson, step by step, on the real engine: each step's setup is
 * applied, each action goal is done with an example command, and every goal
 * must be met within a bounded stretch of simulated time. This is what keeps
 * a condition from asking for something the simulation never does.
 */
import { describe, expect, it } from 'vitest';
// a test may drive the engine directly: the lessons themselves never do
// eslint-disable-next-line no-restricted-imports
import { applyCommand } from '../engine/commands';
// eslint-disable-next-line no-restricted-imports
import { createSimulation } from '../engine/createSimulation';
// eslint-disable-next-line no-restricted-imports
import type { Simulation } from '../engine/sim';
// eslint-disable-next-line no-restricted-imports
import { worldView } from '../engine/view';
import { RESOURCE_STATES, type EngineCommand } from '../protocol';
import { buildWorld, presetScenario } from '../scenario/scenario';
import { commandMatches, goalMet, type Observation } from './goals';
import { LESSONS } from './index';

/** The command a learner would send for each action step. */
const EXAMPLES: Record<string, EngineCommand> = {
  'intro.crash': { type: 'crashNode', node: 'db' },
  'clientserver.add': { type: 'addClient' },
  'processing.toFat': { type: 'setClass', cls: 'client' },
  'processing.cost': { type: 'deploy' },
  'processing.grow': { type: 'setClients', count: 300 },
  'messaging.cut': { type: 'cutLink', link: 'm2~net' },
  'primitives.mutate': { type: 'mpMutate', process: 'N1' },
  'primitives.unreliable': { type: 'mpSet', process: 'B1', service: 'unreliable' },
  'rpc.binding': { type: 'rpcSet', binding: 'persistent' },
  'rpc.async': { type: 'rpcSet', mode: 'async' },
  'clusters.grow': { type: 'addServer' },
  'design.prevent': { type: 'setFailback', group: 'sql', policy: 'prevent' },
  'design.balance': { type: 'setAlgorithm', algorithm: 'roundrobin' },
  'design.migrate': { type: 'drainServer', node: 'web-1', on: true },
  'wcs.crash': { type: 'crashNode', node: 'node-1' },
  'wcs.restart': { type: 'restartNode', node: 'node-1' },
  'architecture.ssi': { type: 'ssiLogin' },
  'architecture.control': { type: 'ssiAdmin' },
  'sun.nocache': { type: 'sunCaches', on: false },
  'sun.proc': { type: 'sunMigrate', pid: 101 },
  'beowulf.bonding': { type: 'failNic', node: 'n01' },
  'beowulf.ethernet': { type: 'setEthernet', bps: 100_000_000 },
};

const ONLINE = RESOURCE_STATES.indexOf('online');
const LIMIT_US = 400_000_000;
const SLICE_US = 250_000;

function observation(sim: Simulation, commands: EngineCommand[]): Observation {
  const v = worldView(sim);
  const up: Record<string, boolean> = {};
  for (const n of sim.net.nodes) if (!n.removed) up[n.id] = n.up;
  const cluster = v.models.cluster as { nodes: number[]; groups: { id: string; states: number[][] }[] } | undefined;
  const groups = (cluster?.groups ?? []).map((g) => ({
    id: g.id,
    onlineOn: g.states.flatMap((rs, m) => (rs.length > 0 && rs.every((x) => x === ONLINE) ? [sim.net.nodes[cluster!.nodes[m]!]!.id] : [])),
  }));
  return { runId: 1, nowUs: sim.nowUs, stats: v.stats, up, groups, commands: [...commands] };
}

describe('every lesson can be walked through on the engine', () => {
  for (const lesson of LESSONS) {
    it(lesson.id, () => {
      let sim: Simulation | null = null;
      let log: EngineCommand[] = [];
      const send = (cmd: EngineCommand) => {
        expect(applyCommand(sim!, cmd), JSON.stringify(cmd)).toBeNull();
        log.push(cmd);
      };
      for (const step of lesson.steps) {
        const where = `${lesson.id}.${step.id}`;
        if (step.setup?.preset) {
          sim = createSimulation(buildWorld(presetScenario(step.setup.preset)), 1);
          log = [];
        }
        for (const cmd of step.setup?.commands ?? []) send(cmd);
        const base = observation(sim!, log);
        if (step.goal.kind === 'read') continue;
        if (step.goal.kind === 'action') {
          const example = EXAMPLES[where];
          expect(example, `${where} needs an example command`).toBeDefined();
          expect(commandMatches(step.goal.match, example!), where).toBe(true);
          // the learner reads first, then acts
          sim!.runUntil(sim!.nowUs + 2_000_000);
          send(example!);
        }
        const start = sim!.nowUs;
        // one observation per slice: some figures are measured since the previous look
        let obs = observation(sim!, log);
        while (!goalMet(step.goal, obs, base) && sim!.nowUs - start < LIMIT_US) {
          sim!.runUntil(sim!.nowUs + SLICE_US);
          obs = observation(sim!, log);
        }
        expect(goalMet(step.goal, obs, base), `${where}: goal not met within ${LIMIT_US / 1e6} s`).toBe(true);
      }
    }, 60_000);
  }
});
