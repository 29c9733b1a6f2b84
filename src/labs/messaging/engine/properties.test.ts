import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../../../engine/commands';
import { lab } from './testkit';
import { messagingWorld, MP_WORLDS } from './world';
import type { SendMode, Service } from './spec';

const SEC = 1_000_000;
const N = 25;

/** A producer → consumer pair over a link with the given loss and corruption. */
function pair(service: Service, sendMode: SendMode, loss: number, corrupt: number) {
  return messagingWorld({
    hosts: [{ id: 'm1', label: 'a' }, { id: 'm2', label: 'b' }],
    loss: { m2: loss },
    settings: { corruptRate: corrupt, maxMessages: N, intervalUs: 50_000, rtoInitUs: 200_000 },
    processes: [
      { id: 'A', label: 'A', node: 'm1', program: 'producer', peer: 'B', service, sendMode },
      { id: 'B', label: 'B', node: 'm2', program: 'consumer', peer: 'A', service },
    ],
  });
}

const expected = (k: number) => `m${k}: x=${k * 10}`;

describe('message-passing properties over seeds and loss rates (randomised: fast-check prints the seed of a failure)', () => {
  it('a reliable channel delivers each message exactly once and in order, unless it reports the failure (MP-RELIABLE)', () => {
    let withFailures = 0;
    let withLosses = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 60 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 20 }).map((x) => x / 100),
        fc.constantFrom<SendMode>('blocking', 'nonblocking'),
        (seed, loss, corrupt, mode) => {
          const { sim, got, failed, model } = lab(pair('reliable', mode, loss, corrupt), seed);
          sim.runUntil(400 * SEC);
          const delivered = got.get('B') ?? [];
          const lost = new Set(failed.get('A') ?? []);
          // never twice, never garbled, never out of order
          expect(new Set(delivered).size).toBe(delivered.length);
          const nums = delivered.map((t) => Number(/^m(\d+):/.exec(t)?.[1]));
          nums.forEach((k) => expect(delivered[nums.indexOf(k)]).toBe(expected(k)));
          for (let i = 1; i < nums.length; i++) expect(nums[i]!).toBeGreaterThan(nums[i - 1]!);
          // every message not delivered was reported as failed
          for (let k = 1; k <= N; k++) if (!nums.includes(k)) expect(lost.has(expected(k)), `m${k} neither delivered nor reported`).toBe(true);
          expect(model.procs.blockedRan).toBe(0);
          if (lost.size > 0) withFailures++;
          if (model.transport.retransmissions > 0) withLosses++;
        },
      ),
      { numRuns: 150 },
    );
    // the runs did exercise retransmission and failure reports
    expect(withLosses).toBeGreaterThan(50);
    expect(withFailures).toBeGreaterThan(3);
  }, 120_000);

  it('an unreliable channel never reports anything, whatever it loses (MP-UNRELIABLE)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 90 }).map((x) => x / 100), (seed, loss) => {
        const { sim, failed, stats, got } = lab(pair('unreliable', 'blocking', loss, 0.1), seed);
        sim.runUntil(60 * SEC);
        expect(failed.size).toBe(0);
        expect(stats().mpFailures).toBe(0);
        expect(stats().mpRetransmissions).toBe(0);
        expect(sim.trace.recentInOrder().some((e) => e.type === 'deliveryFailed')).toBe(false);
        expect((got.get('B') ?? []).length).toBeLessThanOrEqual(N);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('a client whose machine is down for a while neither runs nor blocks until it restarts (found by the property below: seed 1428464415)', () => {
    const { sim, model } = lab(MP_WORLDS.orb(), 0);
    sim.runUntil(6_921_354);
    applyCommand(sim, { type: 'crashNode', node: 'c' });
    sim.runUntil(19_677_534);
    expect(model.procs.byId('C')!.jobs).toBe(0);
    applyCommand(sim, { type: 'restartNode', node: 'c' });
    sim.runUntil(30 * SEC);
    expect(model.procs.blockedRan).toBe(0);
  });

  it('a blocked process never runs, in every preset, under random link faults and setting changes (MP-BLOCK)', () => {
    const worlds = [MP_WORLDS.sendrecv, MP_WORLDS.reliable, MP_WORLDS.blocking, MP_WORLDS.noshm, () => MP_WORLDS.rpc({ byRef: true }), () => MP_WORLDS.rpc({ mode: 'alternate', calls: 4 }), MP_WORLDS.orb];
    const cmd = fc.oneof(
      fc.record({ lossRate: fc.double({ min: 0, max: 0.8, noNaN: true }), link: fc.constantFrom('m1~net', 'm2~net', 'c~net', 's~net') }).map(({ lossRate, link }): EngineCommand => ({ type: 'setLink', link, lossRate })),
      fc.constantFrom('m2', 's', 'm1', 'c').map((node): EngineCommand => ({ type: 'crashNode', node })),
      fc.constantFrom('m2', 's', 'm1', 'c').map((node): EngineCommand => ({ type: 'restartNode', node })),
      fc.record({ sendMode: fc.constantFrom<SendMode>('blocking', 'nonblocking'), copy: fc.boolean(), recvMode: fc.constantFrom('blocking', 'interrupt', 'polling' as const) }).map((s): EngineCommand => ({ type: 'mpSet', ...s })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: worlds.length - 1 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.array(fc.record({ at: fc.integer({ min: 0, max: 20 * SEC }), cmd }), { maxLength: 6 }), (w, seed, script) => {
        const { sim, model } = lab(worlds[w]!(), seed);
        for (const s of [...script].sort((a, b) => a.at - b.at)) {
          sim.runUntil(s.at);
          applyCommand(sim, s.cmd);
        }
        sim.runUntil(30 * SEC);
        expect(model.procs.blockedRan).toBe(0);
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
