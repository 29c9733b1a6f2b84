/**
 * Random runs of Windows clusters for the safety property tests (tests
 * only): a world, a seed, and a schedule drawn from every command the app
 * can give a cluster run (the node inspector's crash, restart and remove;
 * the link inspector's cut, restore and settings; the cluster panel's
 * resource faults, moves with and without a target, failback policy and
 * window, quorum and HA/FT switches; adding clients), plus the engine's
 * partition and heal.
 */
import fc from 'fast-check';
import type { EngineCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import { LIMITS } from '../../../engine/limits';
import type { Simulation } from '../../../engine/sim';
import type { WorldSpec } from '../../../engine/types';
import type { ClusterModel } from './clusterModel';
import { FAILBACK_POLICIES, WITNESS_KINDS, type ClusterSpec, type WitnessKind } from './spec';
import { clusterWorld, SITE_LINKS, type ClusterConfig } from './world';

const SEC = 1_000_000;

/** Every kind of command the schedules draw, so a test can check that each was drawn. */
export const COMMAND_KINDS = [
  'crashNode', 'restartNode', 'removeNode', 'cutLink', 'restoreLink', 'setLink', 'partition', 'heal',
  'failResource', 'moveGroup', 'setFailback', 'setQuorum', 'setClusterMode', 'addClient',
] as const;

/** A run: a world by name and size (how it is built is the caller's), its seed and schedule. */
export interface ClusterRun<P extends string = string> {
  preset: P;
  nodes: number;
  witness: WitnessKind | undefined;
  seed: number;
  script: { atUs: number; cmd: EngineCommand }[];
}

export type WorldOf<P extends string> = (preset: P, nodes: number, witness: WitnessKind | undefined) => WorldSpec;

/** A setting of a link: one field, often extreme (the limits themselves, or a tiny bandwidth). */
function linkSetting(link: string): fc.Arbitrary<EngineCommand> {
  return fc.oneof(
    fc.constantFrom(0, 1_000, 200_000, 2_000_000, LIMITS.latencyUs.max).map((latencyUs): EngineCommand => ({ type: 'setLink', link, latencyUs })),
    fc.constantFrom(0, 5_000, 500_000, LIMITS.jitterUs.max).map((jitterUs): EngineCommand => ({ type: 'setLink', link, jitterUs })),
    fc.constantFrom(LIMITS.bandwidthBps.min, 64_000, 10_000_000, 1_000_000_000).map((bandwidthBps): EngineCommand => ({ type: 'setLink', link, bandwidthBps })),
    fc.constantFrom(0, 0.1, 0.5, 0.8, 0.9, 0.95, 1).map((lossRate): EngineCommand => ({ type: 'setLink', link, lossRate })),
  );
}

/** A command for this world: its machines, links and groups. */
function command(w: WorldSpec): fc.Arbitrary<EngineCommand> {
  const spec = w.cluster!;
  const node = fc.constantFrom(...w.nodes.map((n) => n.id));
  const link = fc.constantFrom(...w.links.map((l) => l.id));
  const group = fc.constantFrom(...spec.groups.map((g) => ({ id: g.id, resources: g.resources.map((r) => r.id) })));
  return fc.oneof(
    { weight: 4, arbitrary: node.map((n): EngineCommand => ({ type: 'crashNode', node: n })) },
    { weight: 4, arbitrary: node.map((n): EngineCommand => ({ type: 'restartNode', node: n })) },
    { weight: 1, arbitrary: node.map((n): EngineCommand => ({ type: 'removeNode', node: n })) },
    { weight: 3, arbitrary: link.map((l): EngineCommand => ({ type: 'cutLink', link: l })) },
    { weight: 3, arbitrary: link.map((l): EngineCommand => ({ type: 'restoreLink', link: l })) },
    { weight: 3, arbitrary: link.chain(linkSetting) },
    { weight: 2, arbitrary: fc.subarray(spec.nodes, { minLength: 1, maxLength: Math.max(1, spec.nodes.length - 1) }).map((side): EngineCommand => ({ type: 'partition', side })) },
    { weight: 1, arbitrary: fc.constant<EngineCommand>({ type: 'heal' }) },
    {
      weight: 2,
      arbitrary: fc
        .record({ g: group, persistent: fc.boolean(), r: fc.nat() })
        .map(({ g, persistent, r }): EngineCommand => ({ type: 'failResource', group: g.id, resource: g.resources[r % g.resources.length]!, persistent })),
    },
    { weight: 3, arbitrary: fc.record({ g: group, to: fc.option(node, { nil: undefined }) }).map(({ g, to }): EngineCommand => ({ type: 'moveGroup', group: g.id, node: to })) },
    {
      weight: 1,
      arbitrary: fc
        .record({ g: group, policy: fc.constantFrom(...FAILBACK_POLICIES), window: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 })), { nil: undefined }) })
        .map(({ g, policy, window }): EngineCommand => ({ type: 'setFailback', group: g.id, policy, window })),
    },
    { weight: 1, arbitrary: fc.boolean().map((on): EngineCommand => ({ type: 'setQuorum', on })) },
    { weight: 1, arbitrary: fc.constantFrom('ha', 'ft').map((mode): EngineCommand => ({ type: 'setClusterMode', mode: mode as 'ha' | 'ft' })) },
    { weight: 1, arbitrary: fc.constant<EngineCommand>({ type: 'addClient' }) },
  );
}

/** Random runs over `presets`: size 2–maxNodes, any witness, a seed, up to `maxCommands` commands in the first `spanS` seconds. */
export function clusterRuns<P extends string>(presets: readonly P[], worldOf: WorldOf<P>, maxNodes = 8, maxCommands = 14, spanS = 240): fc.Arbitrary<ClusterRun<P>> {
  return fc
    .record({
      preset: fc.constantFrom(...presets),
      nodes: fc.integer({ min: 2, max: maxNodes }),
      witness: fc.option(fc.constantFrom(...WITNESS_KINDS), { nil: undefined }),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
    })
    .chain((r) => fc.array(fc.record({ atUs: fc.integer({ min: 0, max: spanS * SEC }), cmd: command(worldOf(r.preset, r.nodes, r.witness)) }), { maxLength: maxCommands }).map((script) => ({ ...r, script })));
}

/**
 * Builds and runs one run for `runS` simulated seconds (the world's own
 * script first, then the drawn commands); `spec` overrides cluster settings
 * (a regression found with other timings keeps them).
 */
export function runCluster<P extends string>(r: ClusterRun<P>, worldOf: WorldOf<P>, runS = 300, spec: Partial<ClusterSpec> = {}): { sim: Simulation; model: ClusterModel } {
  const w = worldOf(r.preset, r.nodes, r.witness);
  const sim = createSimulation({ ...w, cluster: { ...w.cluster!, ...spec }, script: [...(w.script ?? []), ...r.script] }, r.seed);
  sim.runUntil(runS * SEC);
  return { sim, model: sim.models[0] as ClusterModel };
}

/** A one-line description for a failing run's message. */
export function describeRun(r: ClusterRun): string {
  return `${r.preset} nodes=${r.nodes} witness=${r.witness ?? 'default'} seed=${r.seed} script=${JSON.stringify(r.script)}`;
}

/** What every run must show: no split brain with quorum on, one chain of views, one database per version, nothing hosted off the cluster. */
export function safetyProblems(model: ClusterModel): string[] {
  const out: string[] = [];
  if (model.violationsWithQuorum > 0) out.push(`split brain with quorum on: ${JSON.stringify(model.episodes)}`);
  if (model.spec.quorum && model.ledger.forks > 0) out.push(`${model.ledger.forks} forks of the committed views`);
  if (model.ledger.conflicts > 0) out.push(`${model.ledger.conflicts} updates applied differently under one version`);
  model.nodes.forEach((_, m) => {
    if (!model.members.inService(m) && model.spec.groups.some((__, g) => model.table.holds(m, g))) out.push(`node ${m} hosts a group out of the cluster`);
  });
  return out;
}

/** The engine's own stand-ins for the cluster presets (the scenario's presets are built the same way, with these options). */
export const ENGINE_WORLDS = ['cluster', 'failback', 'splitbrain', 'passive', 'ha', 'ft', 'separate', 'shared'] as const;

export const engineWorld: WorldOf<(typeof ENGINE_WORLDS)[number]> = (preset, nodes, witness) => {
  const outage = [
    { atUs: 40 * SEC, cmd: { type: 'crashNode', node: 'node-1' } as EngineCommand },
    { atUs: 100 * SEC, cmd: { type: 'restartNode', node: 'node-1' } as EngineCommand },
  ];
  const data = (config: ClusterConfig, mode: 'ha' | 'ft' = 'ha') => clusterWorld({ nodes, clients: 4, witness, config, mode, txSteps: 4, script: outage });
  switch (preset) {
    case 'failback':
      return clusterWorld({ nodes, clients: 4, witness, failback: 'immediate', script: [...outage, { atUs: 140 * SEC, cmd: { type: 'crashNode', node: 'node-1' } }] });
    case 'splitbrain':
      return clusterWorld({ nodes, clients: 4, witness, quorum: false, script: SITE_LINKS.map((link) => ({ atUs: 30 * SEC, cmd: { type: 'cutLink', link } as EngineCommand })) });
    case 'passive':
    case 'separate':
    case 'shared':
      return data(preset === 'separate' ? 'separate' : preset);
    case 'ha':
    case 'ft':
      return data('active', preset);
    default:
      return clusterWorld({ nodes, clients: 4, witness });
  }
};
