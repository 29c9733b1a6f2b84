import { describe, expect, it } from 'vitest';
import { applyCommand, type EngineCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import type { ParallelModel } from './parallelModel';
import { framesOnDeadCards, MIIMON_US, RETRANSMIT_US, streamCards } from './bond';
import { beowulfWorld, type BeowulfOptions } from './world';

const SEC = 1_000_000;
const NIC = 100_000_000;

function beowulf(o: BeowulfOptions = {}) {
  const sim = createSimulation(beowulfWorld({ nodes: 4, ...o }), 1);
  const model = sim.models.find((m) => m.name === 'parallel') as ParallelModel;
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  const events = (type: string) => sim.trace.recentInOrder().filter((e) => e.type === type);
  return { sim, model, cmd, events };
}

/** Streams 4 MB from n01 to the head and returns the throughput the head measured, in b/s. */
function measure(b: ReturnType<typeof beowulf>, atUs: number): number {
  b.sim.runUntil(atUs);
  const before = b.model.ethernet.lastStream;
  b.cmd({ type: 'bondStream', node: 'n01' });
  while (b.model.ethernet.lastStream === before && b.sim.nowUs < atUs + 30 * SEC && b.sim.step());
  return b.model.ethernet.lastStream!.bps;
}

describe('balance-rr bonding: one TCP stream over several cards (BEO-BONDING)', () => {
  it('the formula: 1 card is 1, 4 cards about 2.3 (the kernel’s bonding.txt), each card adding less than a whole one', () => {
    expect(streamCards(1)).toBe(1);
    expect(streamCards(4)).toBeCloseTo(2.3, 5);
    expect(streamCards(2)).toBeCloseTo(1.433, 3);
    for (let n = 2; n <= 4; n++) {
      expect(streamCards(n)).toBeGreaterThan(streamCards(n - 1));
      expect(streamCards(n)).toBeLessThan(n);
    }
  });

  it('a stream over 1, 2 and 4 cards measures what the formula claims: 4 cards give far less than 4×', () => {
    const got = [1, 2, 4].map((nics) => measure(beowulf({ nics }), 1 * SEC));
    [1, 2, 4].forEach((nics, i) => {
      // 64 segments store-and-forwarded over two links: the last one's second hop adds 1/64
      expect(got[i]! / (NIC * streamCards(nics))).toBeGreaterThan(0.97);
      expect(got[i]! / (NIC * streamCards(nics))).toBeLessThan(1.001);
    });
    expect(got[2]! / got[0]!).toBeGreaterThan(2.2);
    expect(got[2]! / got[0]!).toBeLessThan(2.4);
  });

  it('frames go round robin: a dead card among n takes its 1/n share of them', () => {
    expect(framesOnDeadCards(0, 45, 2, 1)).toBe(22);
    expect(framesOnDeadCards(1, 45, 2, 1)).toBe(23);
    expect(framesOnDeadCards(0, 1, 4, 1)).toBe(0);
    expect(framesOnDeadCards(3, 1, 4, 1)).toBe(1);
    expect(framesOnDeadCards(0, 100, 4, 0)).toBe(0);
  });
});

describe('a failed card and the MII monitor (miimon = 100 ms)', () => {
  it('frames are lost only in the 100 ms before the monitor notices; resent after 200 ms; then the bond runs on the cards left', () => {
    const b = beowulf({ nics: 2 });
    const failAt = 1.05 * SEC;
    b.sim.runUntil(1 * SEC);
    b.cmd({ type: 'bondStream', node: 'n01' });
    b.sim.runUntil(failAt);
    b.cmd({ type: 'failNic', node: 'n01' });
    // still in the bond: the link keeps its two-card rate until the monitor's next check
    expect(b.sim.net.link('n01~eth')!.bandwidthBps).toBeCloseTo(NIC * streamCards(2), 0);
    const slow = measure(b, b.sim.nowUs);
    const lost = b.events('bondFramesLost');
    expect(lost.length).toBeGreaterThan(5);
    for (const e of lost) {
      expect(e.t).toBeGreaterThanOrEqual(failAt);
      expect(e.t).toBeLessThan(failAt + MIIMON_US);
    }
    // the dead card took about its half of the frames sent meanwhile
    const share = lost.reduce((s, e) => s + e.a, 0) / lost.reduce((s, e) => s + e.b, 0);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
    // noticed at the next check (1.1 s), 50 ms after the failure, with one card left
    const [down] = b.events('nicDown');
    expect(down!.t).toBe(1.1 * SEC);
    expect(down!.a).toBe(1);
    expect(down!.b).toBe(50);
    expect(b.sim.net.link('n01~eth')!.bandwidthBps).toBe(NIC);
    // the stream that met the failure waited for its resent segments
    expect(slow).toBeLessThan(NIC * streamCards(2) * 0.6);
    const resentAt = b.sim.trace.recentInOrder().filter((e) => e.type === 'messageSent' && e.node === b.sim.net.node('n01')!.index && e.t > failAt);
    expect(resentAt.some((e) => e.t >= failAt + RETRANSMIT_US)).toBe(true);
    // recovered: a new stream runs at one card's worth, losing nothing
    const after = measure(b, 3 * SEC);
    expect(after / NIC).toBeGreaterThan(0.97);
    expect(b.events('bondFramesLost')).toHaveLength(lost.length);
  });

  it('a job running through the failure loses frames, not work: TCP resends them and the job ends with nothing requeued', () => {
    const b = beowulf({ nics: 2, autoJob: { kind: 'parametric', nodes: 4 } });
    // each node reports a run every 2 s; n01's second report (at 4.0009 s) goes out on its second card: fail that one just before
    b.sim.runUntil(4.0 * SEC);
    b.cmd({ type: 'failNic', node: 'n01' });
    while (b.model.results.length < 1 && b.sim.step());
    const [r] = b.model.results;
    expect(r!.failed).toBe(false);
    expect(r!.requeued).toBe(0);
    expect(b.model.ethernet.framesLost).toBe(1);
    expect(b.events('nicDown')).toHaveLength(1);
  });

  it('the last card cannot be failed, also while an earlier failure is still unnoticed', () => {
    const b = beowulf({ nics: 2 });
    b.cmd({ type: 'failNic', node: 'n01' });
    expect(applyCommand(b.sim, { type: 'failNic', node: 'n01' })?.code).toBe('lastNic');
    expect(applyCommand(b.sim, { type: 'bondStream', node: 'head' })?.code).toBe('unknownNode');
  });
});

describe('a machine that crashes before its monitor noticed', () => {
  it('comes back with only the cards that work, and loses nothing after', () => {
    const b = beowulf({ nics: 2 });
    b.sim.runUntil(1.02 * SEC);
    b.cmd({ type: 'failNic', node: 'n01' });
    b.cmd({ type: 'crashNode', node: 'n01' });
    b.sim.runUntil(2 * SEC);
    expect(b.model.ethernet.nicsOf(b.sim.net.node('n01')!.index)).toBe(2);
    b.cmd({ type: 'restartNode', node: 'n01' });
    expect(b.model.ethernet.nicsOf(b.sim.net.node('n01')!.index)).toBe(1);
    expect(measure(b, 3 * SEC) / NIC).toBeGreaterThan(0.97);
    expect(b.model.ethernet.framesLost).toBe(0);
  });
});
