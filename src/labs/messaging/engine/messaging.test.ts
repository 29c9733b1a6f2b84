import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import { forkSimulation } from '../../../engine/replay';
import { PS } from './spec';
import { lab } from './testkit';
import { messagingWorld, MP_PRESET_WORLDS, MP_WORLDS } from './world';

const SEC = 1_000_000;

describe('message passing (MP-SENDRECV, MP-MODULE)', () => {
  it('Receive(source, buffer) fills the buffer with what Send(destination, message) sent, in order', () => {
    const { sim, got, proc } = lab(MP_WORLDS.sendrecv());
    sim.runUntil(5 * SEC);
    const b = got.get('B')!;
    expect(b.length).toBeGreaterThan(5);
    b.forEach((text, i) => expect(text).toBe(`m${i + 1}: x=${(i + 1) * 10}`));
    expect(proc('B').recvBuf).toBe(b[b.length - 1]);
  });

  it('the module holds the message while it waits for its ack (MP-MODULE)', () => {
    const { sim, model, proc } = lab(MP_WORLDS.sendrecv());
    let seen = false;
    while (sim.nowUs < 3 * SEC && sim.step()) {
      const mod = model.transport.modules.get(proc('A').node);
      if (mod && mod.unacked.length > 0) seen = true;
    }
    expect(seen).toBe(true);
  });

  it.each(Object.keys(MP_PRESET_WORLDS))('the %s preset can be forked (time travel) and the fork runs on exactly like the original', (name) => {
    const world = MP_PRESET_WORLDS[name as keyof typeof MP_PRESET_WORLDS]();
    const a = createSimulation(world, 5);
    const straight = createSimulation(world, 5);
    a.runUntil(5 * SEC);
    const b = forkSimulation(a);
    expect(b).not.toBeNull();
    a.runUntil(15 * SEC);
    b!.runUntil(15 * SEC);
    straight.runUntil(15 * SEC);
    expect(b!.trace.hash()).toBe(a.trace.hash());
    expect(a.trace.hash()).toBe(straight.trace.hash());
  });

  it('the same seed gives the same run', () => {
    const a = createSimulation(MP_WORLDS.reliable(), 9);
    const b = createSimulation(MP_WORLDS.reliable(), 9);
    a.runUntil(20 * SEC);
    b.runUntil(20 * SEC);
    expect(a.trace.hash()).toBe(b.trace.hash());
  });
});

describe('reliable and unreliable services (MP-RELIABLE, MP-UNRELIABLE)', () => {
  it('on a lossy, corrupting link the reliable pair retransmits, discards corrupted copies, reorders, and delivers everything once and in order', () => {
    const { sim, got, stats, model, failed } = lab(MP_WORLDS.reliable(), 3);
    sim.runUntil(60 * SEC);
    const s = stats();
    expect(s.mpRetransmissions).toBeGreaterThan(0);
    expect(model.transport.reordered).toBeGreaterThan(0);
    expect(s.mpDuplicates).toBeGreaterThan(0);
    expect(s.mpCorruptDiscarded).toBeGreaterThan(0);
    const r = got.get('R2')!;
    expect(r.every((t) => !t.includes('#'))).toBe(true);
    // in order and each once; a gap only where the sender was told of a failure
    const nums = r.map((text) => Number(/^m(\d+):/.exec(text)![1]));
    nums.forEach((k, i) => {
      expect(r[i]).toBe(`m${k}: x=${k * 10}`);
      if (i > 0) expect(k).toBeGreaterThan(nums[i - 1]!);
    });
    const reported = new Set(failed.get('R1') ?? []);
    for (let k = 1; k < nums[nums.length - 1]!; k++) if (!nums.includes(k)) expect(reported.has(`m${k}: x=${k * 10}`)).toBe(true);
    // unreliable: some lost, some garbled, never reported
    const u = got.get('U2')!;
    expect(u.some((t) => t.includes('#'))).toBe(true);
    expect(failed.get('U1')).toBeUndefined();
    expect(s.mpUnreliableUseful).toBeLessThan(s.mpUnreliableMsgs!);
    // overhead: the reliable service spends more messages per useful one
    expect(s.mpReliableMsgs! / s.mpReliableUseful!).toBeGreaterThan(s.mpUnreliableMsgs! / Math.max(1, s.mpUnreliableUseful!));
  });

  it('a crashed destination makes the reliable sender get a failure report after its retries', () => {
    const { sim, failed, stats, proc } = lab(MP_WORLDS.sendrecv());
    sim.runUntil(2 * SEC);
    applyCommand(sim, { type: 'crashNode', node: 'm2' });
    sim.runUntil(60 * SEC);
    expect(stats().mpFailures).toBeGreaterThan(0);
    expect(failed.get('A')!.length).toBeGreaterThan(0);
    expect(proc('A').failures).toBeGreaterThan(0);
  });

  it('retransmission timers double: 200 ms, 400 ms, 800 ms… (RFC 6298 §5.5)', () => {
    const { sim } = lab(messagingWorld({
      hosts: [{ id: 'm1', label: 'a' }, { id: 'm2', label: 'b' }],
      loss: { m2: 1 },
      settings: { rtoInitUs: 200_000, maxMessages: 1 },
      processes: [{ id: 'A', label: 'A', node: 'm1', program: 'producer', peer: 'B' }, { id: 'B', label: 'B', node: 'm2', program: 'consumer' }],
    }));
    sim.runUntil(30 * SEC);
    const rtos = sim.trace.recentInOrder().filter((e) => e.type === 'retransmitted').map((e) => e.c);
    expect(rtos.slice(0, 4)).toEqual([400, 800, 1600, 3200]);
    expect(sim.trace.recentInOrder().some((e) => e.type === 'deliveryFailed')).toBe(true);
  });
});

describe('blocking and non-blocking primitives (MP-BLOCK, MP-NONBLOCK, MP-NONBLOCK-RECV)', () => {
  it('a blocking sender spends time blocked; a non-blocking one keeps working and gets buffer-free signals', () => {
    const { sim, model, proc } = lab(MP_WORLDS.blocking());
    sim.runUntil(10 * SEC);
    const b = proc('B1');
    const n = proc('N1');
    expect(model.procs.timeIn(b, PS.blockedSend, sim.nowUs)).toBeGreaterThan(model.procs.timeIn(n, PS.blockedSend, sim.nowUs));
    expect(n.sent).toBeGreaterThan(b.sent);
    expect(sim.trace.recentInOrder().some((e) => e.type === 'bufferFree' && e.msg === n.index)).toBe(true);
  });

  it('without a copy, changing the buffer while the message is in transit changes what arrives; with a copy it does not', () => {
    for (const copy of [false, true]) {
      const { sim, proc, got } = lab(MP_WORLDS.blocking());
      applyCommand(sim, { type: 'mpSet', process: 'N1', copy });
      const n = proc('N1');
      // wait until a message is handed to the module, then change the buffer
      while (sim.step() && sim.nowUs < 5 * SEC && !(n.sent > 2 && (copy || n.bufferBusy)));
      expect(applyCommand(sim, { type: 'mpMutate', process: 'N1' })).toBeNull();
      sim.runUntil(sim.nowUs + 3 * SEC);
      const changed = got.get('N2')!.filter((t) => t.includes('CHANGED')).length;
      if (copy) expect(changed).toBe(0);
      else expect(changed).toBeGreaterThan(0);
      expect(proc('N2').altered).toBe(copy ? 0 : changed);
    }
  });

  it('polling costs CPU and finds nothing most of the time; an interrupt costs one handler per message', () => {
    const { sim, proc } = lab(MP_WORLDS.blocking());
    sim.runUntil(10 * SEC);
    const poll = proc('N2');
    expect(poll.polls).toBeGreaterThan(poll.received);
    expect(poll.emptyPolls).toBeGreaterThan(0);
    expect(poll.pollUs).toBe(poll.polls * 5_000);
    const { sim: sim2, proc: proc2 } = lab(MP_WORLDS.blocking());
    applyCommand(sim2, { type: 'mpSet', process: 'N2', recvMode: 'interrupt' });
    sim2.runUntil(10 * SEC);
    const i = proc2('N2');
    expect(i.interrupts).toBeGreaterThan(0);
    expect(i.interrupts).toBeLessThanOrEqual(i.received);
    expect(i.backgroundUs).toBeGreaterThan(5 * SEC);
  });
});

describe('no shared memory (MP-NOSHM)', () => {
  it('a semaphore on each machine lets both enter the critical section; a token passed by messages does not', () => {
    const { sim, stats } = lab(MP_WORLDS.noshm());
    sim.runUntil(30 * SEC);
    expect(stats().mpOverlapsSem).toBeGreaterThan(0);
    expect(stats().mpOverlapsMsg).toBe(0);
  });
});
