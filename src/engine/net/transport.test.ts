import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand } from '../commands';
import type { Message, Model, ModelContext } from '../model';
import { forkSimulation } from '../replay';
import { DROP, HOP_STRIDE, Simulation } from '../sim';
import { MF, MSG_STRIDE, worldView } from '../view';
import type { LinkSpec, WorldSpec } from '../types';
import { Bookings } from './bookings';

/** A model that sends what the test asks and remembers what arrived, and when. */
class Probe implements Model {
  readonly name = 'probe';
  got: { node: number; id: number; atUs: number }[] = [];
  init(): void {}
  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    this.got.push({ node, id: msg.id, atUs: ctx.nowUs });
  }
  onTimer(): void {}
  onWorkDone(): void {}
  onNodeCrashed(): void {}
  onNodeRestarted(): void {}
  onNodeAdded(): void {}
  stats(): Record<string, number> {
    return {};
  }
}

const link = (a: string, b: string, latencyUs: number, bandwidthBps = 8_000_000): LinkSpec => ({ id: `${a}~${b}`, a, b, latencyUs, jitterUs: 0, bandwidthBps, lossRate: 0 });

/** a — sw — b, and a longer way round a — sw2 — b for when sw~b is cut. */
function world(): WorldSpec {
  const node = (id: string, kind: 'client' | 'switch' = 'client') => ({ id, kind, label: id, platform: 'network' as const });
  return {
    nodes: [node('a'), node('sw', 'switch'), node('b'), node('sw2', 'switch')],
    // 8 Mb/s: one byte per microsecond, so a message of N bytes takes N µs to leave
    links: [link('a', 'sw', 100), link('sw', 'b', 200), link('a', 'sw2', 1000), link('sw2', 'b', 1000)],
  };
}

function setup() {
  const probe = new Probe();
  const sim = new Simulation(world(), 1, [probe]);
  const ctx = sim.contextOf(0);
  const id = (n: string) => sim.net.node(n)!.index;
  return { sim, probe, ctx, id };
}

describe('cut-through transport', () => {
  it('a message crossing a switch is one event, arriving when hop by hop would have it arrive', () => {
    const { sim, probe, ctx, id } = setup();
    ctx.send(id('a'), id('b'), 1, 50, null);
    const events = sim.eventsProcessed;
    sim.runUntil(10_000);
    expect(sim.eventsProcessed - events).toBe(1);
    // 50 µs on the wire + 100 µs, then 50 µs + 200 µs
    expect(probe.got).toEqual([{ node: id('b'), id: 0, atUs: 400 }]);
  });

  it('lists each travelling message once, also after a change re-routed it mid-path (its first queued arrival superseded)', () => {
    const { sim, ctx, id } = setup();
    ctx.send(id('a'), id('b'), 1, 50, null);
    ctx.send(id('b'), id('a'), 2, 50, null);
    expect(sim.inFlight.map((m) => m.id).sort()).toEqual([0, 1]);
    sim.runUntil(100);
    // both are on their first hop; the cut sends them back to hop by hop, queueing a second arrival each
    applyCommand(sim, { type: 'cutLink', link: 'sw2~b' });
    expect(sim.inFlight.map((m) => m.id).sort()).toEqual([0, 1]);
    sim.runUntil(10_000);
    expect(sim.inFlight).toEqual([]);
  });

  it('is drawn on each link in turn, and each hop is reported once it is over', () => {
    const { sim, ctx, id } = setup();
    ctx.send(id('a'), id('b'), 1, 50, null);
    const at = (us: number) => {
      sim.runUntil(us);
      const m = worldView(sim).messages;
      return m.length === MSG_STRIDE ? [m[MF.from], m[MF.to], m[MF.txStartUs], m[MF.arriveUs]] : [];
    };
    expect(at(10)).toEqual([id('a'), id('sw'), 0, 150]);
    expect(sim.drainHops()).toHaveLength(0);
    expect(at(200)).toEqual([id('sw'), id('b'), 150, 400]);
    expect(Array.from(sim.drainHops())).toEqual([id('a'), id('sw'), 1, 150, 0]);
    expect(at(500)).toEqual([]);
    expect(Array.from(sim.drainHops())).toEqual([id('sw'), id('b'), 1, 400, 0]);
    expect(HOP_STRIDE).toBe(5);
  });

  it('queues behind earlier messages on every link, as hop by hop', () => {
    const { sim, probe, ctx, id } = setup();
    ctx.send(id('a'), id('b'), 1, 100, null);
    ctx.send(id('a'), id('b'), 1, 100, null);
    sim.runUntil(10_000);
    // the second leaves a at 100, reaches sw at 300 (the first left sw at 300), is sent until 400
    expect(probe.got.map((g) => g.atUs)).toEqual([500, 600]);
  });

  it('a link cut ahead of a message re-routes it from the switch it reaches, as hop by hop', () => {
    const { sim, probe, ctx, id } = setup();
    ctx.send(id('a'), id('b'), 1, 50, null);
    sim.runUntil(60);
    expect(applyCommand(sim, { type: 'cutLink', link: 'sw~b' })).toBeNull();
    sim.runUntil(20_000);
    // at sw (150 µs) no way on but back through a and sw2: 50+100, 50+1000, 50+1000
    expect(probe.got).toEqual([{ node: id('b'), id: 0, atUs: 150 + 150 + 1050 + 1050 }]);
  });

  it('a message is lost when the link it is on goes down, or its destination crashes', () => {
    const { sim, probe, ctx, id } = setup();
    ctx.send(id('a'), id('b'), 1, 50, null);
    sim.runUntil(60);
    applyCommand(sim, { type: 'cutLink', link: 'a~sw' });
    ctx.send(id('a'), id('b'), 1, 50, null); // goes round by sw2
    sim.runUntil(100);
    applyCommand(sim, { type: 'crashNode', node: 'b' });
    sim.runUntil(20_000);
    expect(probe.got).toEqual([]);
    const drops = sim.trace.recentInOrder().filter((e) => e.type === 'messageDropped').map((e) => [e.msg, e.a]);
    expect(drops).toEqual([[0, DROP.linkDown], [1, DROP.nodeDown]]);
    expect(sim.inFlight).toHaveLength(0);
  });

  it('a fork taken while messages travel goes on exactly as the original', () => {
    const { sim, ctx, id } = setup();
    for (let i = 0; i < 5; i++) ctx.send(id('a'), id('b'), 1, 40 + i, null);
    sim.runUntil(120);
    const copy = forkSimulation(sim)!;
    for (const s of [sim, copy]) applyCommand(s, { type: 'setLink', link: 'sw~b', latencyUs: 5000 });
    sim.runUntil(50_000);
    copy.runUntil(50_000);
    expect(copy.trace.hash()).toBe(sim.trace.hash());
    expect((copy.models[0] as Probe).got).toEqual((sim.models[0] as Probe).got);
  });
});

describe('link booking', () => {

  it('is first come, first served for messages reaching the link in time order', () => {
    const k = new Bookings();
    expect(k.book(0, 10, 0)).toBe(0);
    expect(k.book(5, 10, 5)).toBe(10);
    expect(k.book(30, 10, 30)).toBe(30);
    expect(new Bookings().book(30, 10, 30)).toBe(30);
    expect(k.until()).toBe(40);
  });

  it('lets a message reaching the link earlier use the gap before a later booking, when it fits', () => {
    const k = new Bookings();
    expect(k.book(100, 10, 0)).toBe(100);
    expect(k.book(20, 10, 0)).toBe(20);
    expect(k.book(95, 10, 0)).toBe(110);
    expect(k.book(90, 10, 0)).toBe(90);
    expect(k.book(0, 20, 0)).toBe(0);
    expect(k.book(25, 60, 0)).toBe(30);
    expect(k.until()).toBe(120);
  });

  it('gives back a booking, even one merged with its neighbours', () => {
    const k = new Bookings();
    k.book(0, 10, 0);
    k.book(10, 10, 0);
    k.book(20, 10, 0);
    k.unbook(10, 10);
    expect(k.book(5, 10, 0)).toBe(10);
    k.unbook(20, 10);
    expect(k.until()).toBe(20);
  });

  it('always books the first free moment long enough, as a plain list of intervals would', () => {
    const op = fc.record({ ahead: fc.integer({ min: 0, max: 200 }), dur: fc.integer({ min: 1, max: 30 }), tick: fc.integer({ min: 0, max: 20 }), give: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const k = new Bookings();
        let list: [number, number][] = [];
        let now = 0;
        for (const o of ops) {
          now += o.tick;
          const at = now + o.ahead;
          let t = at;
          for (const [s, e] of [...list].sort((x, y) => x[0] - y[0])) if (t + o.dur > s && e > t) t = e;
          expect(k.book(at, o.dur, now)).toBe(t);
          list.push([t, t + o.dur]);
          if (o.give && list.length > 0) {
            const [s, e] = list.shift()!;
            if (e > now) k.unbook(s, e - s);
            else list = list.filter((x) => x[0] !== s);
          }
          list = list.filter((x) => x[1] > now);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('world changes through the kernel only', () => {
  /** The probe, plus a command of its own that narrows a link the way a model does (balancer interconnect, bonding). */
  class Narrower extends Probe {
    command(ctx: ModelContext, cmd: { type: string; link?: string }) {
      if (cmd.type !== 'narrow') return undefined;
      ctx.setLink(ctx.net.link(cmd.link!)!.index, { bandwidthBps: 800_000 });
      return null;
    }
  }

  it('a link change made by a model and the same change made by a command give the same run', () => {
    const runs = (['model', 'command'] as const).map((how) => {
      const probe = new Narrower();
      const sim = new Simulation(world(), 1, [probe]);
      const ctx = sim.contextOf(0);
      const id = (n: string) => sim.net.node(n)!.index;
      // messages on their way over a~sw when sw~b narrows: later hops are booked anew, as hop by hop
      for (let i = 0; i < 5; i++) ctx.send(id('a'), id('b'), 1, 400, null);
      sim.runUntil(300);
      if (how === 'model') expect(probe.command(ctx, { type: 'narrow', link: 'sw~b' })).toBeNull();
      else expect(applyCommand(sim, { type: 'setLink', link: 'sw~b', bandwidthBps: 800_000 })).toBeNull();
      sim.runUntil(100_000);
      return { hash: sim.trace.hash(), got: probe.got.map((g) => g.atUs) };
    });
    expect(runs[0]).toEqual(runs[1]);
    // the narrow link holds each 400-byte message for 4 ms: arrivals 4 ms apart, not 0.4 ms
    const gaps = runs[0]!.got.slice(1).map((t, i) => t - runs[0]!.got[i]!);
    expect(gaps.every((g) => g >= 4000)).toBe(true);
  });

  it("a model sees the network read-only: writing a link's settings is a type error", () => {
    const { ctx } = setup();
    const l = ctx.net.links[0]!;
    // @ts-expect-error the view is read-only: changes go through ctx.setLink
    l.bandwidthBps = 1;
    // @ts-expect-error nor a node's speed: ctx.setCpuSpeed
    ctx.net.nodes[0]!.cpuSpeed = 2;
    ctx.setCpuSpeed(0, 3);
    expect(ctx.net.nodes[0]!.cpuSpeed).toBe(3);
  });
});
