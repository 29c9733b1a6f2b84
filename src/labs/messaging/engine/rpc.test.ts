import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../engine/commands';
import { PS } from './spec';
import { RPC_STEP } from './rpcTypes';
import { lab } from './testkit';
import { MP_WORLDS } from './world';

const SEC = 1_000_000;

describe('RPC (RPC-CALL, RPC-STUBS, RPC-SYNC)', () => {
  it('CALL P(X, Y) goes through every step in order and returns P\'s result', () => {
    const { sim, model } = lab(MP_WORLDS.rpc());
    sim.runUntil(2 * SEC);
    const c = model.rpc!.calls[0]!;
    const steps = sim.trace.recentInOrder().filter((e) => e.type === 'rpcStep' && e.msg === c.id).map((e) => e.a);
    expect(steps).toEqual([RPC_STEP.call, RPC_STEP.marshal, RPC_STEP.bind, RPC_STEP.send, RPC_STEP.unmarshal, RPC_STEP.execute, RPC_STEP.reply, RPC_STEP.unmarshalReply, RPC_STEP.returned]);
    // Y is 1,024 consecutive integers from y[0] (4 KB, what the call message carries)
    expect(c.result).toBe(c.x + 1024 * c.y[0]! + (1024 * 1023) / 2);
    // the stub's encoding starts with the procedure id, then X
    expect(c.encoded.startsWith('00 00 00 07 | 00 00 00 ')).toBe(true);
  });

  it('a synchronous caller is blocked for the whole call and never runs meanwhile', () => {
    const { sim, model, proc } = lab(MP_WORLDS.rpc());
    const caller = proc('C');
    let blockedWhileOutstanding = 0;
    while (sim.step() && sim.nowUs < 5 * SEC) {
      const c = model.rpc!.calls.find((x) => x.step >= RPC_STEP.send && x.step < RPC_STEP.unmarshalReply);
      if (c) {
        expect(caller.state).toBe(PS.blockedRecv);
        blockedWhileOutstanding++;
      }
    }
    expect(blockedWhileOutstanding).toBeGreaterThan(10);
    expect(model.procs.blockedRan).toBe(0);
  });
});

describe('RPC over a failing network (RPC-CALL)', () => {
  it('a call to a crashed server fails once the reliable transport gives up, and the caller goes on', () => {
    const { sim, model, proc, stats } = lab(MP_WORLDS.rpc());
    const caller = proc('C');
    expect(caller).toBeDefined();
    // crash the server between calls, while the caller sleeps
    while (sim.step() && !(sim.nowUs > 1 * SEC && caller.state === PS.idle));
    applyCommand(sim, { type: 'crashNode', node: 's' });
    sim.runUntil(sim.nowUs + 40 * SEC);
    // each call fails after the retries (≈12.6 s of doubling timeouts) and the caller makes the next one
    expect(stats().rpcFailed).toBeGreaterThanOrEqual(2);
    expect(model.rpc!.calls.some((c) => c.error === 'failed')).toBe(true);
    expect(model.procs.blockedRan).toBe(0);
  });
});

describe('by value vs by reference (RPC-BYVAL, RPC-BYREF)', () => {
  it('by reference costs two extra round trips per call (read Y, write it back) and takes longer', () => {
    const v = lab(MP_WORLDS.rpc({ byRef: false }));
    const r = lab(MP_WORLDS.rpc({ byRef: true }));
    v.sim.runUntil(20 * SEC);
    r.sim.runUntil(20 * SEC);
    const sv = v.stats();
    const sr = r.stats();
    expect(sr.rpcMsgsPerCall! - sv.rpcMsgsPerCall!).toBeCloseTo(4, 0);
    expect(sr.rpcUsPerCall!).toBeGreaterThan(sv.rpcUsPerCall! + 80_000);
    expect(r.sim.trace.recentInOrder().some((e) => e.type === 'rpcStep' && e.a === RPC_STEP.deref)).toBe(true);
  });
});

describe('binding (RPC-BIND-TRANS, RPC-BIND-PERSIST)', () => {
  it('persistent binding does one handshake for N calls; per-call binding does N', () => {
    const p = lab(MP_WORLDS.rpc({ binding: 'persistent', calls: 8 }));
    const t = lab(MP_WORLDS.rpc({ binding: 'transient', calls: 8 }));
    p.sim.runUntil(1_900_000);
    t.sim.runUntil(2_700_000);
    expect(p.model.rpc!.completed).toBeGreaterThanOrEqual(8);
    expect(p.stats().rpcHandshakes).toBe(1);
    const n = t.model.rpc!.completed;
    expect(n).toBeGreaterThanOrEqual(8);
    expect(t.stats().rpcHandshakes).toBeGreaterThanOrEqual(n);
    expect(t.stats().rpcUsPerCall!).toBeGreaterThan(p.stats().rpcUsPerCall!);
  });

  it('switching from per-call to persistent binding while calls run leaves exactly one connection open', () => {
    const { sim, model } = lab(MP_WORLDS.rpc({ binding: 'transient', calls: 5 }));
    sim.runUntil(1_300_000);
    applyCommand(sim, { type: 'rpcSet', binding: 'persistent' });
    sim.runUntil(20 * SEC);
    const open = [...model.rpc!.binder.conns.values()].filter((c) => c.state !== 'closed');
    expect(open.length).toBe(1);
    expect(open[0]!.key.startsWith('call-')).toBe(false);
  });

  it('a persistent connection closes after the idle timeout the user sets, and the next call opens it again', () => {
    const { sim, stats } = lab(MP_WORLDS.rpc({ binding: 'persistent', calls: 2, thinkUs: 2 * SEC }));
    expect(applyCommand(sim, { type: 'rpcSet', idleTimeoutUs: 500_000 })).toBeNull();
    sim.runUntil(10 * SEC);
    expect(stats().rpcHandshakes).toBeGreaterThan(2);
    expect(sim.trace.recentInOrder().some((e) => e.type === 'connectionClosed' && e.a === 1)).toBe(true);
    expect(applyCommand(sim, { type: 'rpcSet', idleTimeoutUs: 1 })?.code).toBe('outOfRange');
  });
});

describe('sync vs async (RPC-SYNC, RPC-ASYNC)', () => {
  it('the same N calls finish sooner asynchronously when the server is not the bottleneck', () => {
    const { sim, model } = lab(MP_WORLDS.rpc({ mode: 'alternate', calls: 5 }));
    sim.runUntil(20 * SEC);
    const b = model.rpc!.batches;
    const sync = b.filter((x) => !x.async).map((x) => x.us);
    const async = b.filter((x) => x.async).map((x) => x.us);
    expect(sync.length).toBeGreaterThan(2);
    expect(async.length).toBeGreaterThan(2);
    expect(Math.max(...async)).toBeLessThan(Math.min(...sync));
  });
});

describe('object request broker (RPC-ORB)', () => {
  it('the broker forwards calls to registered objects and answers a missing one with an error', () => {
    const { sim, model, stats } = lab(MP_WORLDS.orb());
    sim.runUntil(10 * SEC);
    const calls = model.rpc!.calls.filter((c) => c.replied);
    expect(calls.filter((c) => c.object === 'Printer').every((c) => c.error === 'noSuchObject')).toBe(true);
    expect(calls.filter((c) => c.object !== 'Printer').every((c) => c.error === '' && Number.isFinite(c.result))).toBe(true);
    expect(stats().rpcErrors).toBeGreaterThan(0);
    expect(stats().rpcCompleted).toBeGreaterThan(stats().rpcErrors!);
  });
});
