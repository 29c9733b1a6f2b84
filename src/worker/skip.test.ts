import { describe, expect, it } from 'vitest';
import { clientServerWorld } from '../labs/clientserver/engine/world';
import { createSimulation } from '../engine/createSimulation';
import type { Frame } from '../protocol';
import { fakeClock } from './fakeClock';
import { SimHost, type HostClock } from './host';

const MINUTE = 60_000_000;

/** A clock that moves on by `stepMs` every time it is read, like a busy machine's. */
function busyClock(stepMs: number) {
  let now = 0;
  const due: (() => void)[] = [];
  const clock: HostClock = { nowMs: () => (now += stepMs), schedule: (fn) => void due.push(fn) };
  return { clock, runDue: () => due.splice(0).forEach((f) => f()), pending: () => due.length };
}

describe('skip ahead (fast-forward)', () => {
  it('computes the whole span at once, reaching exactly the state a normal run reaches, then plays on', () => {
    const c = fakeClock();
    const frames: Frame[] = [];
    const host = new SimHost(c.clock, (f) => frames.push(f));
    host.load(1, clientServerWorld(4), 9, [], true, 1);
    c.advance(16);
    const from = frames[frames.length - 1]!.view.nowUs;
    expect(host.skipAhead(1, 10 * MINUTE)).toBe(true);
    c.advance(0);
    const done = frames[frames.length - 1]!;
    expect(done.view.nowUs).toBe(from + 10 * MINUTE);
    expect(done.skip).toBeNull();
    expect(done.playing).toBe(true);
    // every event happened, as in a run that was never skipped
    const sim = createSimulation(clientServerWorld(4), 9);
    sim.runUntil(done.view.nowUs);
    expect(sim.trace.hash()).toBe(done.view.traceHash);
    // and it plays on at the chosen speed
    c.advance(16);
    expect(frames[frames.length - 1]!.view.nowUs).toBe(from + 10 * MINUTE + 16_000);
  });

  it('a long skip reports progress in slices, and stopping it leaves the run where it got to', () => {
    const c = busyClock(10);
    const frames: Frame[] = [];
    const host = new SimHost(c.clock, (f) => frames.push(f));
    host.load(1, clientServerWorld(4), 9, [], false, 1);
    host.skipAhead(1, 60 * MINUTE);
    c.runDue();
    c.runDue();
    const progress = frames[frames.length - 1]!;
    expect(progress.skip).toEqual({ fromUs: 0, toUs: 60 * MINUTE });
    expect(progress.view.nowUs).toBeGreaterThan(0);
    expect(progress.view.nowUs).toBeLessThan(60 * MINUTE);
    host.cancelSkip();
    const stopped = frames[frames.length - 1]!;
    expect(stopped.skip).toBeNull();
    expect(stopped.playing).toBe(false);
    // the pending slice finds nothing to do
    c.runDue();
    expect(frames[frames.length - 1]!.view.nowUs).toBe(stopped.view.nowUs);
  });

  it('play and pause during a skip say how the run goes on after it, without stopping it', () => {
    const c = busyClock(10);
    const frames: Frame[] = [];
    const host = new SimHost(c.clock, (f) => frames.push(f));
    host.load(1, clientServerWorld(4), 9, [], false, 1);
    host.skipAhead(1, 10 * MINUTE);
    host.play();
    c.runDue();
    expect(frames[frames.length - 1]!.skip).not.toBeNull();
    for (let i = 0; i < 200 && frames[frames.length - 1]!.skip !== null; i++) c.runDue();
    const done = frames[frames.length - 1]!;
    expect(done.view.nowUs).toBe(10 * MINUTE);
    expect(done.playing).toBe(true);
  });

  it('refuses a skip for a run that has been replaced, or of no time at all', () => {
    const c = fakeClock();
    const host = new SimHost(c.clock, () => undefined);
    host.load(2, clientServerWorld(2), 1, [], false, 1);
    expect(host.skipAhead(1, MINUTE)).toBe(false);
    expect(host.skipAhead(2, 0)).toBe(false);
    expect(host.skipAhead(2, Number.NaN)).toBe(false);
  });
});
