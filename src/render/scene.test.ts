import { describe, expect, it } from 'vitest';
import { CS_MSG, LF, LINK_STRIDE, MSG_STRIDE, NF, NODE_STRIDE, type TopologyView, type WorldView } from '../protocol';
import { collectMessages, MessageBuffers } from './drawMessages';
import type { DrawContext } from './drawStatic';
import { MESSAGE_COLORS, MESSAGE_LEGEND } from './palette';
import { buildScene, distanceToSegment, hitTest, messageProgress } from './scene';
import { StaticSignature } from './signature';

// two nodes 200 units apart on the x axis, one link, and a removed third node
const topo: TopologyView = {
  version: 1,
  nodes: [
    { id: 'c', kind: 'client', label: 'pc-01', platform: 'windows-pc', removed: false },
    { id: 's', kind: 'server', label: 'app-1', platform: 'linux-server', removed: false },
    { id: 'gone', kind: 'client', label: 'pc-02', platform: 'mac', removed: true },
  ],
  links: [
    { id: 'c~s', a: 0, b: 1, removed: false },
    { id: 'gone~s', a: 2, b: 1, removed: false },
  ],
};
const positions = new Map([
  ['c', { x: 0, y: 0 }],
  ['s', { x: 200, y: 0 }],
]);
const scene = buildScene(topo, positions);
const identity = { k: 1, x: 0, y: 0 };

function view(messages: number[][], nowUs = 1000): WorldView {
  const m = new Float64Array(messages.length * MSG_STRIDE);
  messages.forEach((row, i) => m.set(row, i * MSG_STRIDE));
  return {
    nowUs,
    eventsProcessed: 0,
    traceHash: '',
    topologyVersion: 1,
    nodes: new Float64Array(3 * NODE_STRIDE).fill(1),
    links: new Float64Array(2 * LINK_STRIDE),
    messages: m,
    stats: {},
    models: {},
  };
}

function context(v: WorldView, t = identity): DrawContext {
  return { scene, view: v, t, width: 1000, height: 600, dpr: 1, labels: true };
}

describe('hitTest', () => {
  it('finds nodes, then links, then nothing', () => {
    expect(hitTest(scene, identity, 3, -2)).toEqual({ kind: 'node', id: 'c' });
    expect(hitTest(scene, identity, 100, 4)).toEqual({ kind: 'link', id: 'c~s' });
    expect(hitTest(scene, identity, 100, 30)).toBeNull();
  });

  it('works in screen pixels under zoom and pan', () => {
    const t = { k: 2, x: 50, y: 10 };
    expect(hitTest(scene, t, 450, 10)).toEqual({ kind: 'node', id: 's' });
    // 5 px off the link on screen is 2.5 units in the world: still a hit; 10 px is not
    expect(hitTest(scene, t, 250, 15)).toEqual({ kind: 'link', id: 'c~s' });
    expect(hitTest(scene, t, 250, 20)).toBeNull();
  });

  it('ignores removed nodes and their links', () => {
    expect(scene.linkLive[1]).toBe(0);
    expect(Number.isNaN(scene.wx[2]!)).toBe(true);
  });
});

describe('geometry', () => {
  it('measures distance to a segment, clamped at its ends', () => {
    expect(distanceToSegment(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(distanceToSegment(-4, 3, 0, 0, 10, 0)).toBe(5);
  });

  it('computes progress, with -1 while queued', () => {
    expect(messageProgress(100, 200, 300)).toBe(-1);
    expect(messageProgress(250, 200, 300)).toBe(0.5);
    expect(messageProgress(400, 200, 300)).toBe(1);
    expect(messageProgress(200, 200, 200)).toBe(1);
  });
});

describe('collectMessages', () => {
  it('places messages by progress, colour and direction, and stacks queued ones at the sender', () => {
    const buf = new MessageBuffers();
    const v = view([
      [0, 1, 500, 1500, 0, 1],
      [1, 0, 500, 1500, 3, 2],
      [0, 1, 2000, 3000, 1, 3],
      [0, 1, 2000, 3000, 1, 4],
      [2, 1, 0, 5000, 2, 5],
    ]);
    collectMessages(context(v), buf, 3, 2);
    // one bucket per palette colour plus one for kinds outside it
    expect([...buf.count]).toEqual([1, 2, 0, 1, ...new Array(MESSAGE_COLORS.length - 3).fill(0)]);
    const [x0, y0] = buf.xy[0]!;
    const [x3, y3] = buf.xy[3]!;
    // halfway between the rings (client 19, server 23): 19 + (200 - 42) / 2 = 98, either side of the line
    expect(x0).toBeCloseTo(98);
    expect(x3).toBeCloseTo(200 - 23 - 79);
    expect(Math.sign(y0!)).toBe(-Math.sign(y3!));
    const q = buf.xy[1]!;
    expect(q[2]! - q[0]!).toBeCloseTo(7);
    expect(q[0]!).toBeLessThan(40);
    expect([buf.hx, buf.hy]).toEqual([x3, y3]);
  });

  it('skips messages outside the canvas', () => {
    const buf = new MessageBuffers();
    collectMessages(context(view([[0, 1, 500, 1500, 0, 1]]), { k: 1, x: -5000, y: 0 }), buf, 3);
    expect([...buf.count]).toEqual(new Array(MESSAGE_COLORS.length + 1).fill(0));
  });
});

describe('StaticSignature', () => {
  it('reports changes to up/down and link state, not to load', () => {
    const sig = new StaticSignature();
    const v = view([]);
    expect(sig.update(v)).toBe(true);
    expect(sig.update(v)).toBe(false);
    v.nodes[NODE_STRIDE + NF.util] = 0.7;
    v.nodes[NODE_STRIDE + NF.queue] = 4;
    expect(sig.update(v)).toBe(false);
    v.nodes[NODE_STRIDE + NF.up] = 0;
    expect(sig.update(v)).toBe(true);
    v.links[LINK_STRIDE + LF.cut] = 1;
    expect(sig.update(v)).toBe(true);
    sig.reset();
    expect(sig.update(v)).toBe(true);
  });
});

describe('palette', () => {
  it('has a distinct colour for every message kind, with a legend entry each', () => {
    expect(new Set(MESSAGE_COLORS).size).toBe(MESSAGE_COLORS.length);
    expect(MESSAGE_COLORS.length).toBeGreaterThanOrEqual(16);
    expect(MESSAGE_LEGEND.map((e) => e.key)).toEqual(Object.keys(CS_MSG));
  });
});
