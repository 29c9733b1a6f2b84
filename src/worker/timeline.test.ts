import { describe, expect, it } from 'vitest';
import { clientServerWorld } from '../labs/clientserver/engine/world';
import { clusterWorld } from '../labs/cluster/engine/world';
import type { Frame, WorldSpec } from '../protocol';
import { fakeClock } from './fakeClock';
import { SimHost } from './host';

function setup(world: WorldSpec = clientServerWorld(6)) {
  const c = fakeClock();
  const frames: Frame[] = [];
  const host = new SimHost(c.clock, (f) => frames.push(f));
  host.load(1, world, 4, [], true, 50);
  const last = () => frames[frames.length - 1]!;
  const state = () => ({ e: last().view.eventsProcessed, t: last().view.nowUs, h: last().view.traceHash });
  /** Plays for `ticks` ticks of 16 ms. */
  const play = (ticks: number) => {
    host.play();
    for (let i = 0; i < ticks; i++) c.advance(16);
    host.pause();
  };
  return { host, frames, last, state, play };
}

for (const [name, world] of [['client/server', clientServerWorld(6)], ['cluster', clusterWorld({ clients: 4 })]] as const) {
  describe(`timeline (${name})`, () => {
    it('seeking back and forward shows the same state as before', () => {
      const { host, state, play, last } = setup(world);
      play(60);
      host.command(1, { type: 'crashNode', node: name === 'cluster' ? 'node-1' : 'db' });
      play(60);
      const mid = state();
      play(120);
      const end = state();
      expect(last().timeline!.headEvent).toBe(end.e);
      host.seek(1, { us: mid.t });
      expect(state()).toEqual(mid);
      expect(last().reset).toBe(true);
      host.seek(1, { us: end.t });
      expect(state()).toEqual(end);
      host.seek(1, { us: 0 });
      expect(state().e).toBe(0);
      host.seek(1, { event: mid.e });
      expect(state().h).toBe(mid.h);
    });

    it('steps back one event, and stepping forward again gives the same hash', () => {
      const { host, state, play } = setup(world);
      play(40);
      const a = state();
      host.step();
      const b = state();
      expect(b.e).toBe(a.e + 1);
      host.stepBack(1);
      expect(state().e).toBe(a.e);
      expect(state().h).toBe(a.h);
      host.step();
      expect(state()).toEqual(b);
    });

    it('playing on from the past meets the logged commands again', () => {
      const { host, state, play, last } = setup(world);
      play(30);
      host.command(1, { type: 'addClient' });
      play(30);
      const end = state();
      host.seek(1, { event: 10 });
      expect(last().timeline!.ahead).toBe(1);
      host.seek(1, { event: end.e });
      expect(state().h).toBe(end.h);
    });
  });
}

describe('branches', () => {
  it('a command in the past starts a new branch; undo brings back the old future', () => {
    const { host, state, play, last } = setup();
    play(40);
    host.command(1, { type: 'setThinkTime', thinkTimeUs: 500_000 });
    play(600);
    const oldEnd = state();
    expect(oldEnd.e).toBeGreaterThan(30_000);
    host.seek(1, { us: 400_000 });
    const branchPoint = state();
    host.command(2, { type: 'addClient' });
    expect(last().commandLog!.map((c) => c.cmd.type)).toEqual(['addClient']);
    expect(last().timeline!.undoDepth).toBe(1);
    expect(last().timeline!.headEvent).toBe(branchPoint.e);
    // far enough on the new branch to take keyframes there, which must not leak into the old future
    play(600);
    expect(last().view.eventsProcessed).toBeGreaterThan(branchPoint.e + 25_000);
    expect(host.undo(1)).toBe(true);
    expect(state()).toEqual(branchPoint);
    expect(last().commandLog!.map((c) => c.cmd)).toEqual([{ type: 'setThinkTime', thinkTimeUs: 500_000 }]);
    host.seek(1, { us: oldEnd.t });
    expect(state()).toEqual(oldEnd);
    host.seek(1, { us: Math.round(oldEnd.t * 0.8) });
    host.seek(1, { us: oldEnd.t });
    expect(state()).toEqual(oldEnd);
  });

  it('a refused command in the past does not cut the future', () => {
    const { host, play, last } = setup();
    play(40);
    host.seek(1, { us: 100_000 });
    const r = host.command(1, { type: 'crashNode', node: 'nope' });
    expect(r.ok).toBe(false);
    expect(last().timeline!.undoDepth).toBe(0);
  });

  it('a shared run rebuilt from its log and cursor has the sender’s hash', () => {
    const { host, state, play, frames } = setup();
    play(50);
    host.command(1, { type: 'crashNode', node: 'db' });
    host.step();
    host.command(2, { type: 'addClient' });
    play(25);
    const sent = state();
    const log = frames.map((f) => f.commandLog).filter((l) => l !== null).pop()!;
    const other = setup();
    other.host.load(2, clientServerWorld(6), 4, log, false, 1, { event: sent.e, us: sent.t });
    expect(other.state()).toEqual(sent);

    // the worker builds a shared link's run before the page asks (prepare), then starts it when asked (begin): the same run, the same first frame
    const early = setup();
    early.frames.length = 0;
    early.host.prepare(clientServerWorld(6), 4, log, { event: sent.e, us: sent.t });
    expect(early.frames).toHaveLength(0);
    early.host.begin(3, false, 1);
    expect(early.state()).toEqual(sent);
    const [a, b] = [other.frames[other.frames.length - 1]!, early.frames[0]!];
    expect(b.reset).toBe(true);
    expect(b.topology).toEqual(a.topology);
    expect(b.commandLog).toEqual(a.commandLog);
    expect(b.events).toEqual(a.events);
    expect(b.runId).toBe(3);
  });
});
