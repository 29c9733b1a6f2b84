/**
 * Random runs of the Windows cluster presets for the safety property tests:
 * a preset, a size, a witness, a seed, and a schedule drawn from every
 * command the app can give a cluster run (the node inspector's crash,
 * restart and remove; the link inspector's cut, restore and settings; the
 * cluster panel's resource faults, moves, failback policy and window,
 * quorum and HA/FT switches; adding clients), plus the engine's
 * partition and heal. Used only by tests.
 */
import fc from 'fast-check';
import { createSimulation } from '../engine/createSimulation';
import type { ClusterModel } from '../engine/cluster/clusterModel';
import type { EngineCommand } from '../engine/commands';
import { FAILBACK_POLICIES, WITNESS_KINDS, type ClusterSpec, type WitnessKind } from '../engine/cluster/spec';
import { LIMITS } from '../engine/limits';
import type { Simulation } from '../engine/sim';
import { buildWorld, presetScenario, type PresetName } from './scenario';

export const CLUSTER_PRESETS = ['cluster', 'failback', 'splitbrain', 'passive', 'ha', 'ft', 'separate', 'shared'] as const satisfies readonly PresetName[];

const SEC = 1_000_000;

/** Every kind of command the fuzzer draws, so a test can check that each was drawn. */
export const COMMAND_KINDS = [
  'crashNode', 'restartNode', 'removeNode', 'cutLink', 'restoreLink', 'setLink', 'partition', 'heal',
  'failResource', 'moveGroup', 'setFailback', 'setQuorum', 'setClusterMode', 'addClient',
] as const;

export interface ClusterRun {
  preset: (typeof CLUSTER_PRESETS)[number];
  nodes: number;
  witness: WitnessKind | undefined;
  seed: number;
  script: { atUs: number; cmd: EngineCommand }[];
}

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
function command(nodes: string[], machines: string[], links: string[], groups: { id: string; resources: string[] }[]): fc.Arbitrary<EngineCommand> {
  const node = fc.constantFrom(...machines);
  const link = fc.constantFrom(...links);
  const group = fc.constantFrom(...groups);
  return fc.oneof(
    { weight: 4, arbitrary: node.map((n): EngineCommand => ({ type: 'crashNode', node: n })) },
    { weight: 4, arbitrary: node.map((n): EngineCommand => ({ type: 'restartNode', node: n })) },
    { weight: 1, arbitrary: node.map((n): EngineCommand => ({ type: 'removeNode', node: n })) },
    { weight: 3, arbitrary: link.map((l): EngineCommand => ({ type: 'cutLink', link: l })) },
    { weight: 3, arbitrary: link.map((l): EngineCommand => ({ type: 'restoreLink', link: l })) },
    { weight: 3, arbitrary: link.chain(linkSetting) },
    { weight: 2, arbitrary: fc.subarray(nodes, { minLength: 1, maxLength: Math.max(1, nodes.length - 1) }).map((side): EngineCommand => ({ type: 'partition', side })) },
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

/** The world of a run (its script not yet added). */
function world(preset: ClusterRun['preset'], nodes: number, witness: WitnessKind | undefined) {
  return buildWorld({ ...presetScenario(preset), clients: 4, nodes, witness });
}

/** Random runs: preset, size 2–maxNodes, witness, seed, and up to `maxCommands` commands in the first `spanS` seconds. */
export function clusterRuns(maxNodes = 8, maxCommands = 14, spanS = 240): fc.Arbitrary<ClusterRun> {
  return fc
    .record({
      preset: fc.constantFrom(...CLUSTER_PRESETS),
      nodes: fc.integer({ min: 2, max: maxNodes }),
      witness: fc.option(fc.constantFrom(...WITNESS_KINDS), { nil: undefined }),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
    })
    .chain((r) => {
      const w = world(r.preset, r.nodes, r.witness);
      const spec = w.cluster!;
      const machines = w.nodes.map((n) => n.id);
      const groups = spec.groups.map((g) => ({ id: g.id, resources: g.resources.map((x) => x.id) }));
      const cmd = command(spec.nodes, machines, w.links.map((l) => l.id), groups);
      return fc.array(fc.record({ atUs: fc.integer({ min: 0, max: spanS * SEC }), cmd }), { maxLength: maxCommands }).map((script) => ({ ...r, script }));
    });
}

/**
 * Builds and runs one random run for `runS` simulated seconds (the preset's
 * own script first, then the drawn commands); `spec` overrides cluster
 * settings (a regression found with other timings keeps them).
 */
export function runCluster(r: ClusterRun, runS = 300, spec: Partial<ClusterSpec> = {}): { sim: Simulation; model: ClusterModel } {
  const w = world(r.preset, r.nodes, r.witness);
  const sim = createSimulation({ ...w, cluster: { ...w.cluster!, ...spec }, script: [...(w.script ?? []), ...r.script] }, r.seed);
  sim.runUntil(runS * SEC);
  return { sim, model: sim.models[0] as ClusterModel };
}

/** A one-line description for a failing run's message. */
export function describeRun(r: ClusterRun): string {
  return `${r.preset} nodes=${r.nodes} witness=${r.witness ?? 'default'} seed=${r.seed} script=${JSON.stringify(r.script)}`;
}
