import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands';
import { clientServerWorld } from '../labs/clientserver/engine/world';
import { createSimulation } from './createSimulation';
import { MessageLog } from './messageLog';
import { newMessage } from './context';
import { topologyView, worldView, LF, LINK_STRIDE, MF, MSG_STRIDE, NF, NODE_STRIDE } from './view';

// What the page draws and the inspector shows (src/worker posts these to it).

const SEC = 1_000_000;
const office = (clients = 3, seed = 1) => createSimulation(clientServerWorld(clients), seed);

describe('the message log (inspector)', () => {
  it('recalls a message as it was sent, forgets it once 4096 newer ones came, and a copy maps the payloads', () => {
    const log = new MessageLog();
    log.remember(newMessage(3, 1, 4, 5, 9, 1200, { q: 'x' }));
    expect(log.recall(3)).toMatchObject({ id: 3, model: 1, src: 4, dst: 5, kind: 9, bytes: 1200, payload: { q: 'x' } });
    expect(log.recall(4)).toBeNull();
    const copy = log.clone((p) => ({ copied: p }));
    expect(copy.recall(3)!.payload).toEqual({ copied: { q: 'x' } });
    log.remember(newMessage(3 + 4096, 0, 0, 0, 0, 0, null));
    expect(log.recall(3)).toBeNull();
    expect(log.recall(3 + 4096)).toMatchObject({ id: 4099 });
    expect(copy.recall(3)).toMatchObject({ id: 3, bytes: 1200 });
  });
});

describe('the view the page draws', () => {
  it('has a row per node and link with their state and counters, and one per message travelling', () => {
    const sim = office(20, 2);
    sim.runUntil(3 * SEC + 12_345);
    expect(applyCommand(sim, { type: 'crashNode', node: 'db' })).toBeNull();
    expect(applyCommand(sim, { type: 'cutLink', link: 'client-2~sw' })).toBeNull();
    expect(applyCommand(sim, { type: 'setLink', link: 'sw~app', lossRate: 0.5, latencyUs: 1234, jitterUs: 11, bandwidthBps: 2e6 })).toBeNull();
    sim.runUntil(sim.nowUs + 200_000);
    const v = worldView(sim);
    expect(v.nowUs).toBe(sim.nowUs);
    expect(v.eventsProcessed).toBe(sim.eventsProcessed);
    expect(v.traceHash).toBe(sim.trace.hash());
    expect(v.topologyVersion).toBe(sim.net.version);
    expect(v.nodes).toHaveLength(sim.net.nodes.length * NODE_STRIDE);
    sim.net.nodes.forEach((n, i) => {
      const row = Array.from(v.nodes.subarray(i * NODE_STRIDE, (i + 1) * NODE_STRIDE));
      expect(row[NF.up], n.id).toBe(n.up ? 1 : 0);
      expect(row[NF.busy], n.id).toBe(n.current ? 1 : 0);
      expect(row[NF.queue], n.id).toBe(n.queueLength);
      expect(row[NF.util], n.id).toBe(n.up ? n.utilization(sim.nowUs) : 0);
      expect([row[NF.sent], row[NF.received], row[NF.dropped], row[NF.served]], n.id).toEqual([n.sent, n.received, n.dropped, n.served]);
    });
    const db = sim.net.node('db')!.index;
    expect(v.nodes[db * NODE_STRIDE + NF.up]).toBe(0);
    expect(v.nodes[sim.net.node('app')!.index * NODE_STRIDE + NF.util]).toBeGreaterThan(0);
    expect(v.nodes[sim.net.node('app')!.index * NODE_STRIDE + NF.sent]).toBeGreaterThan(0);
    const row = (id: string) => {
      const i = sim.net.link(id)!.index;
      return Array.from(v.links.subarray(i * LINK_STRIDE, (i + 1) * LINK_STRIDE));
    };
    expect(v.links).toHaveLength(sim.net.links.length * LINK_STRIDE);
    const app = row('sw~app');
    expect([app[LF.latencyUs], app[LF.jitterUs], app[LF.bandwidthBps], app[LF.lossRate]]).toEqual([1234, 11, 2e6, 0.5]);
    expect(app[LF.up]).toBe(1);
    expect(app[LF.delivered]).toBe(sim.net.link('sw~app')!.delivered);
    expect(app[LF.dropped]).toBe(sim.net.link('sw~app')!.dropped);
    expect(row('client-2~sw')[LF.cut]).toBe(1);
    expect(row('client-2~sw')[LF.up]).toBe(0);
    // a link to a crashed node is still up: the node is drawn down
    expect(row('sw~db')[LF.up]).toBe(1);
    expect(row('client-1~sw')[LF.cut]).toBe(0);
    // every message travelling: a row each, and counted once on the link it is on, queued or on the wire
    const msgs = sim.inFlight;
    expect(msgs.length).toBeGreaterThan(0);
    expect(v.messages).toHaveLength(msgs.length * MSG_STRIDE);
    msgs.forEach((m, k) => {
      const [from, to, , txStartUs, arriveUs] = sim.currentHop(m);
      expect(Array.from(v.messages.subarray(k * MSG_STRIDE, (k + 1) * MSG_STRIDE)))
        .toEqual([from, to, txStartUs, arriveUs, m.kind, m.id]);
      expect(v.messages[k * MSG_STRIDE + MF.id]).toBe(m.id);
    });
    let counted = 0;
    for (let i = 0; i < sim.net.links.length; i++) counted += v.links[i * LINK_STRIDE + LF.queued]! + v.links[i * LINK_STRIDE + LF.inFlight]!;
    expect(counted).toBe(msgs.length);
    expect(v.stats.messagesDelivered).toBe(sim.delivered);
    expect(v.stats.messagesDropped).toBe(sim.dropped);
    expect(v.stats.requestsCompleted).toBeGreaterThan(0);
    expect(Object.keys(v.models)).toEqual(sim.models.filter((m) => m.snapshot).map((m) => m.name));
  });

  it('counts a message waiting to be sent as queued, one being sent as in flight', () => {
    const sim = office(3, 4);
    // a slow link makes senders queue behind one another
    expect(applyCommand(sim, { type: 'setLink', link: 'sw~app', bandwidthBps: 1000 })).toBeNull();
    sim.runUntil(4 * SEC);
    const v = worldView(sim);
    let queued = 0;
    let onWire = 0;
    for (let i = 0; i < sim.net.links.length; i++) {
      queued += v.links[i * LINK_STRIDE + LF.queued]!;
      onWire += v.links[i * LINK_STRIDE + LF.inFlight]!;
    }
    expect(queued).toBeGreaterThan(0);
    expect(onWire).toBeGreaterThan(0);
    for (const m of sim.inFlight) {
      const [, , link, txStartUs] = sim.currentHop(m);
      if (txStartUs > sim.nowUs) expect(v.links[link * LINK_STRIDE + LF.queued]).toBeGreaterThan(0);
    }
  });

  it('gives the topology with removed nodes marked, and a new version when it changes', () => {
    const sim = office(3);
    const t0 = topologyView(sim);
    expect(t0.nodes.map((n) => n.id)).toEqual(sim.net.nodes.map((n) => n.id));
    expect(t0.nodes[0]).toEqual({ id: 'app', kind: 'server', label: 'app-1', platform: 'linux-server', removed: false });
    expect(t0.links.map((l) => [l.id, l.a, l.b, l.removed])).toEqual(sim.net.links.map((l) => [l.id, l.a, l.b, false]));
    expect(applyCommand(sim, { type: 'removeNode', node: 'client-3' })).toBeNull();
    const t1 = topologyView(sim);
    expect(t1.version).toBeGreaterThan(t0.version);
    expect(t1.nodes.find((n) => n.id === 'client-3')!.removed).toBe(true);
    expect(t1.links.find((l) => l.id === 'client-3~sw')!.removed).toBe(true);
  });
});
