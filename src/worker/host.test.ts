import { describe, expect, it } from 'vitest';
import { clientServerWorld } from '../labs/clientserver/engine/world';
import { createSimulation } from '../engine/createSimulation';
import { replay } from '../engine/replay';
import type { Frame } from '../protocol';
import { fakeClock } from './fakeClock';
import { SimHost } from './host';

function setup(playing = false) {
  const c = fakeClock();
  const frames: Frame[] = [];
  const host = new SimHost(c.clock, (f) => frames.push(f));
  host.load(1, clientServerWorld(4), 9, [], playing, 1);
  return { host, frames, c, last: () => frames[frames.length - 1]! };
}

describe('worker host', () => {
  it('step processes exactly one event', () => {
    const { host, last } = setup();
    const before = last().view.eventsProcessed;
    host.step();
    expect(last().view.eventsProcessed).toBe(before + 1);
    host.step();
    expect(last().view.eventsProcessed).toBe(before + 2);
  });

  it('while playing, simulated time follows wall time times speed; paused, it stands still', () => {
    const { host, c, last } = setup(true);
    c.advance(16);
    c.advance(16);
    const t1 = last().view.nowUs;
    expect(t1).toBe(32_000);
    host.setSpeed(10);
    c.advance(16);
    expect(last().view.nowUs).toBe(t1 + 160_000);
    host.pause();
    const t2 = last().view.nowUs;
    c.advance(500);
    expect(last().view.nowUs).toBe(t2);
  });

  it('after a stall of the page or the machine, the run falls behind instead of jumping ahead', () => {
    const { c, last } = setup(true);
    c.advance(16);
    const t1 = last().view.nowUs;
    // five seconds without a tick: at most a quarter of a second (plus the allowed lag) is made up
    c.advance(5_000);
    expect(last().view.nowUs - t1).toBeLessThanOrEqual(250_000 + 250_000);
  });

  it('a page that has not drawn the last frames gets no new paced frames, and then every event it missed', () => {
    const c = fakeClock();
    const frames: Frame[] = [];
    let ready = true;
    const host = new SimHost(c.clock, (f) => frames.push(f), () => ready);
    host.load(1, clientServerWorld(4), 9, [], true, 50);
    c.advance(16);
    const posted = frames.length;
    ready = false;
    for (let i = 0; i < 10; i++) c.advance(16);
    expect(frames.length).toBe(posted);
    ready = true;
    c.advance(16);
    expect(frames.length).toBe(posted + 1);
    // the events of the skipped ticks arrive in the next frame
    const seqs = frames.flatMap((f) => f.events.map((e) => e.seq));
    expect(seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1)).toBe(true);
    void host;
  });

  it('refuses bad commands with a reason and keeps running', () => {
    const { host, c, last } = setup(true);
    c.advance(16);
    expect(host.command(1, { type: 'crashNode', node: 'ghost' }).error?.code).toBe('unknownNode');
    expect(host.command(2, { type: 'setLink', link: 'sw~app', lossRate: 7 }).error).toMatchObject({ code: 'outOfRange', params: { field: 'lossRate' } });
    expect(host.command(3, { type: 'launchMissiles' }).error?.code).toBe('unknownCommand');
    expect(host.command(4, 'garbage').error?.code).toBe('unknownCommand');
    expect(host.command(5, { type: 'setClients', count: 0 }).error).toMatchObject({ code: 'outOfRange', params: { field: 'clients', min: 1, max: 1000 } });
    expect(host.setSpeed(5000)?.code).toBe('outOfRange');
    const t = last().view.nowUs;
    c.advance(16);
    expect(last().view.nowUs).toBeGreaterThan(t);
    expect(last().commandLog ?? []).toEqual([]);
  });

  it('logs accepted commands with their time, and the log replays to the same hash', () => {
    const { host, c, last, frames } = setup(true);
    for (let i = 0; i < 100; i++) c.advance(16);
    expect(host.command(1, { type: 'crashNode', node: 'app' }).ok).toBe(true);
    for (let i = 0; i < 100; i++) c.advance(16);
    expect(host.command(2, { type: 'restartNode', node: 'app' }).ok).toBe(true);
    host.step();
    for (let i = 0; i < 50; i++) c.advance(16);
    host.pause();
    const log = frames.map((f) => f.commandLog).filter((l) => l !== null).pop()!;
    expect(log.map((e) => e.cmd.type)).toEqual(['crashNode', 'restartNode']);
    const sim = createSimulation(clientServerWorld(4), 9);
    replay(sim, log, last().view.eventsProcessed);
    expect(sim.trace.hash()).toBe(last().view.traceHash);
  });

  it('a new run supersedes the old one', () => {
    const { host, last } = setup();
    host.load(2, clientServerWorld(2), 1, [], false, 1);
    expect(last().runId).toBe(2);
    expect(last().topology?.nodes.length).toBe(5);
  });
});
