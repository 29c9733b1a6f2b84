import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { RTO } from './spec';
import { lab } from './testkit';
import { messagingWorld, MP_WORLDS } from './world';

const SEC = 1_000_000;

/** One reliable message to a machine whose link loses everything. */
const lost = () =>
  lab(messagingWorld({
    hosts: [{ id: 'm1', label: 'a' }, { id: 'm2', label: 'b' }],
    loss: { m2: 1 },
    settings: { maxMessages: 1 },
    processes: [{ id: 'A', label: 'A', node: 'm1', program: 'producer', peer: 'B' }, { id: 'B', label: 'B', node: 'm2', program: 'consumer' }],
  }));

describe('the retransmission timer: RFC 6298, Linux, and the lab’s two shortcuts', () => {
  it('before any round trip is measured the first timeout is 1 s (RFC 6298 §2.1, Linux TCP_TIMEOUT_INIT)', () => {
    const { sim } = lost();
    sim.runUntil(40 * SEC);
    const ev = sim.trace.recentInOrder();
    const sent = ev.find((e) => e.type === 'messageSent')!.t;
    const first = ev.find((e) => e.type === 'retransmitted')!;
    expect(first.t - sent).toBe(1 * SEC);
  });

  it('doubling up to the lab’s 8 s cap (Linux: 120 s), and the failure reported after 5 retries (Linux: 15)', () => {
    const { sim } = lost();
    sim.runUntil(60 * SEC);
    const ev = sim.trace.recentInOrder();
    const re = ev.filter((e) => e.type === 'retransmitted');
    expect(re.map((e) => e.c)).toEqual([2000, 4000, 8000, 8000, 8000]);
    expect(re).toHaveLength(RTO.maxRetries);
    const sent = ev.find((e) => e.type === 'messageSent')!.t;
    const failed = ev.find((e) => e.type === 'deliveryFailed')!;
    // 1 + 2 + 4 + 8 + 8 + 8 s of timeouts
    expect(failed.t - sent).toBe(31 * SEC);
  });

  it('the floor is Linux’s 200 ms (TCP_RTO_MIN), not RFC 6298’s 1 s: on a fast link the measured timeout settles there', () => {
    const { sim, model, proc } = lab(MP_WORLDS.sendrecv());
    sim.runUntil(5 * SEC);
    const rto = [...model.transport.modules.get(proc('A').node)!.rtt.values()].map((r) => r.rto);
    expect(rto.length).toBeGreaterThan(0);
    for (const r of rto) expect(r).toBe(200_000);
    expect(RTO.minUs).toBe(200_000);
    // and a crash is noticed from that floor: the first retransmission comes 200 ms after the send
    applyCommand(sim, { type: 'crashNode', node: 'm2' });
    sim.runUntil(8 * SEC);
    const ev = sim.trace.recentInOrder();
    const re = ev.filter((e) => e.type === 'retransmitted' && e.t > 5 * SEC);
    expect(re[0]!.c).toBe(400);
  });
});
