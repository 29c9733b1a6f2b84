import { expect } from 'vitest';
import { applyCommand, type EngineCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import type { TraceType } from '../../../engine/kernel/trace';
import type { WorldSpec } from '../../../engine/types';
import type { ClusterModel } from './clusterModel';
import type { ClusterSpec } from './spec';
import { clusterWorld, type ClusterOptions } from './world';

export const SEC = 1_000_000;

/** A cluster event as tests read it: time, type, node and peer ids, the group or route, and its figures. */
export interface Seen {
  t: number;
  type: TraceType;
  node: string;
  peer: string;
  msg: number;
  a: number;
  b: number;
  c: number;
}

/**
 * A Windows cluster under test (for tests only): its world (with spec
 * changes), every non-message trace event recorded, and helpers to give
 * commands, wait for states and read where groups are.
 */
export function cluster(o: ClusterOptions = {}, seed = 1, spec: (s: ClusterSpec, w: WorldSpec) => void = () => {}) {
  const world = clusterWorld(o);
  spec(world.cluster!, world);
  const sim = createSimulation(world, seed);
  const model = sim.models[0] as ClusterModel;
  const seen: Seen[] = [];
  const emit = sim.trace.emit.bind(sim.trace);
  const name = (i: number) => (i >= 0 ? (sim.net.nodes[i]?.id ?? '?') : '-');
  sim.trace.emit = (...args: Parameters<typeof emit>) => {
    const [t, type, node = -1, peer = -1, , msg = -1, a = 0, b = 0, c = 0] = args;
    seen.push({ t, type, node: name(node), peer: name(peer), msg, a, b, c });
    emit(...args);
  };
  const g = (id: string) => model.spec.groups.findIndex((x) => x.id === id);
  const m = (id: string) => model.spec.nodes.indexOf(id);
  /** Nodes where group `id` is fully online. */
  const onlineOn = (id: string) => model.nodes.filter((_, k) => model.table.groupState(k, g(id)) === 'online').map((n) => sim.net.nodes[n]!.id);
  /** Runs until `cond` holds (checked after every event) or `limitUs` passes; returns how long it took. */
  const runUntil = (cond: () => boolean, limitUs: number): number => {
    const start = sim.nowUs;
    while (!cond() && sim.nowUs - start < limitUs && sim.step());
    return sim.nowUs - start;
  };
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  const events = (type: TraceType) => seen.filter((e) => e.type === type);
  return { sim, model, seen, events, g, m, onlineOn, runUntil, cmd, run: (us: number) => sim.runUntil(sim.nowUs + us) };
}
