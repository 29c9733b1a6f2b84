import type { LabSnapshots } from './labSnapshots';
import type { LabStats } from './labStats';
import type { Simulation } from './sim';
import type { NodeKind, Platform } from './types';

/** Node fields in `WorldView.nodes`, one row of NODE_STRIDE numbers per node index. */
export const NF = { up: 0, busy: 1, queue: 2, util: 3, sent: 4, received: 5, dropped: 6, served: 7 } as const;
export const NODE_STRIDE = 8;
/** Link fields in `WorldView.links`, one row of LINK_STRIDE numbers per link index. */
export const LF = {
  up: 0, cut: 1, partitioned: 2, latencyUs: 3, jitterUs: 4, bandwidthBps: 5, lossRate: 6,
  queued: 7, inFlight: 8, delivered: 9, dropped: 10,
} as const;
export const LINK_STRIDE = 11;
/** Message fields in `WorldView.messages`: from-node index, to-node index (this hop), tx start, arrival, kind, id. */
export const MF = { from: 0, to: 1, txStartUs: 2, arriveUs: 3, kind: 4, id: 5 } as const;
export const MSG_STRIDE = 6;

export interface NodeStatic {
  id: string;
  kind: NodeKind;
  label: string;
  platform: Platform;
  removed: boolean;
}
export interface LinkStatic {
  id: string;
  a: number;
  b: number;
  removed: boolean;
}
/** What changes rarely: sent only when `version` moves. */
export interface TopologyView {
  version: number;
  nodes: NodeStatic[];
  links: LinkStatic[];
}

/** The state of the world at one instant, as flat typed arrays (cheap to post and to draw). */
export interface WorldView {
  nowUs: number;
  eventsProcessed: number;
  traceHash: string;
  topologyVersion: number;
  nodes: Float64Array;
  links: Float64Array;
  messages: Float64Array;
  /** The run's figures by name (those of its models: the others are absent). */
  stats: Partial<LabStats>;
  /** Each model's small plain state, by model name (for the panels); only the run's models are there. */
  models: Partial<LabSnapshots>;
}

export function topologyView(sim: Simulation): TopologyView {
  return {
    version: sim.net.version,
    nodes: sim.net.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, platform: n.platform, removed: n.removed })),
    links: sim.net.links.map((l) => ({ id: l.id, a: l.a, b: l.b, removed: l.removed })),
  };
}

export function worldView(sim: Simulation): WorldView {
  const now = sim.nowUs;
  const { nodes: ns, links: ls } = sim.net;
  const nodes = new Float64Array(ns.length * NODE_STRIDE);
  for (let i = 0; i < ns.length; i++) {
    const n = ns[i]!;
    const o = i * NODE_STRIDE;
    nodes[o + NF.up] = n.up ? 1 : 0;
    nodes[o + NF.busy] = n.current ? 1 : 0;
    nodes[o + NF.queue] = n.queueLength;
    nodes[o + NF.util] = n.up ? n.utilization(now) : 0;
    nodes[o + NF.sent] = n.sent;
    nodes[o + NF.received] = n.received;
    nodes[o + NF.dropped] = n.dropped;
    nodes[o + NF.served] = n.served;
  }
  const links = new Float64Array(ls.length * LINK_STRIDE);
  const messages = new Float64Array(sim.inFlight.length * MSG_STRIDE);
  let k = 0;
  for (const m of sim.inFlight) {
    // a cut-through message is drawn on the hop its booked path has it on now
    const [from, to, link, txStartUs, arriveUs] = sim.currentHop(m);
    const o = link * LINK_STRIDE;
    const f = txStartUs > now ? LF.queued : LF.inFlight;
    links[o + f] = links[o + f]! + 1;
    messages[k + MF.from] = from;
    messages[k + MF.to] = to;
    messages[k + MF.txStartUs] = txStartUs;
    messages[k + MF.arriveUs] = arriveUs;
    messages[k + MF.kind] = m.kind;
    messages[k + MF.id] = m.id;
    k += MSG_STRIDE;
  }
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    const o = i * LINK_STRIDE;
    links[o + LF.up] = l.up ? 1 : 0;
    links[o + LF.cut] = l.cut ? 1 : 0;
    links[o + LF.partitioned] = l.partitioned ? 1 : 0;
    links[o + LF.latencyUs] = l.latencyUs;
    links[o + LF.jitterUs] = l.jitterUs;
    links[o + LF.bandwidthBps] = l.bandwidthBps;
    links[o + LF.lossRate] = l.lossRate;
    links[o + LF.delivered] = l.delivered;
    links[o + LF.dropped] = l.dropped;
  }
  const stats: Record<string, number> = { messagesDelivered: sim.delivered, messagesDropped: sim.dropped };
  // each model's snapshot() is typed by its lab (LabSnapshots); here they are gathered by name
  const models: Record<string, object> = {};
  for (const m of sim.models) {
    Object.assign(stats, m.stats(now));
    if (m.snapshot) models[m.name] = m.snapshot();
  }
  return {
    nowUs: now,
    eventsProcessed: sim.eventsProcessed,
    traceHash: sim.trace.hash(),
    topologyVersion: sim.net.version,
    nodes,
    links,
    messages,
    stats,
    models: models as Partial<LabSnapshots>,
  };
}
