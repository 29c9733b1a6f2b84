import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../commands';
import { createSimulation } from '../createSimulation';
import { beowulfWorld } from '../parallel/world';
import type { SsiModel } from './ssiModel';

const SEC = 1_000_000;

function ssi() {
  const sim = createSimulation(beowulfWorld({ nodes: 4, ssi: true }), 1);
  const model = sim.models.find((m) => m.name === 'ssi') as SsiModel;
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  const settle = () => sim.runUntil(sim.nowUs + 1 * SEC);
  return { sim, model, cmd, settle };
}

describe('single-system image (CL-MIDDLEWARE, CL-SSI)', () => {
  it('single entry point: logins to the cluster’s one address land on the least loaded nodes, and a failed node’s sessions are gone', () => {
    const s = ssi();
    for (let i = 0; i < 8; i++) s.cmd({ type: 'ssiLogin' });
    s.settle();
    const per = new Map<number, number>();
    for (const x of s.model.sessions) per.set(x.node, (per.get(x.node) ?? 0) + 1);
    expect([...per.values()]).toEqual([2, 2, 2, 2]);
    s.cmd({ type: 'crashNode', node: 'n01' });
    expect(s.model.sessions).toHaveLength(6);
  });

  it('single memory space: a page not held locally is fetched from its owner; a write invalidates the other copies and moves ownership', () => {
    const s = ssi();
    const n = (id: string) => s.sim.net.node(id)!.index;
    // page 1 starts on n02; n01 reads it: one remote fetch, then a local hit
    s.cmd({ type: 'ssiTouch', node: 'n01', page: 1, write: false });
    s.settle();
    expect(s.model.remoteFetches).toBe(1);
    expect(s.model.copies[1]!.has(n('n01'))).toBe(true);
    s.cmd({ type: 'ssiTouch', node: 'n01', page: 1, write: false });
    expect(s.model.localHits).toBe(1);
    // n03 writes it: fetch, then the copies on n01 and n02 are invalidated
    s.cmd({ type: 'ssiTouch', node: 'n03', page: 1, write: true });
    s.settle();
    expect(s.model.owner[1]).toBe(n('n03'));
    expect(s.model.invalidations).toBe(2);
    expect([...s.model.copies[1]!]).toEqual([n('n03')]);
  });

  it('single control point: one administrative change is applied on every node; single I/O space: a node reads another’s disk', () => {
    const s = ssi();
    s.cmd({ type: 'ssiAdmin' });
    s.settle();
    expect(s.model.applied[1]).toBe(4);
    s.cmd({ type: 'ssiRead', node: 'n01', file: 2 });
    s.settle();
    expect(s.model.remoteReads).toBe(1);
    const delivered = s.sim.trace.recentInOrder().filter((e) => e.type === 'messageDelivered' && e.a === 64_000);
    expect(delivered.length).toBeGreaterThan(0);
  });
});
