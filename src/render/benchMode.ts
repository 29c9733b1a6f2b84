/**
 * The renderer benchmark: synthetic frames through a real GraphRenderer,
 * timing each draw and the interval between animation frames.
 */
import { LF, LINK_STRIDE, MF, MSG_STRIDE, NF, NODE_STRIDE, type TopologyView, type WorldView } from '../protocol';
import { GraphRenderer } from './graphRenderer';
import { shapeForTotal, syntheticTopology } from './synthetic';

/** What one benchmark run measured (milliseconds). */
export interface RenderBenchResult {
  drawP50Ms: number;
  drawP95Ms: number;
  frameP50Ms: number;
  /** The interval between frames as shown: each counted as the whole number of display refreshes it spans. */
  frameP95Ms: number;
  /** The same as timed, with the timer's jitter of about ±0.1 ms around a refresh. */
  frameRawP95Ms: number;
  /** Frames that took longer than one display refresh (interval over 1.5 × the median): dropped frames. */
  missedFrames: number;
  /** A full redraw of the static layer too (what selecting a node or a crash costs), median of several. */
  staticP50Ms: number;
  nodes: number;
  messages: number;
  frames: number;
}

const FRAME_US = 16_667;
// frames ignored at the start: the first draws pay for JIT warm-up and canvas allocation
const WARMUP = 10;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** A deterministic pseudo-random sequence (the bench must be repeatable). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

interface Traffic {
  from: Int32Array;
  to: Int32Array;
  kind: Uint8Array;
  durUs: Float64Array;
  phase: Float64Array;
  queued: Uint8Array;
}

function makeTraffic(topo: TopologyView, count: number): Traffic {
  const rnd = lcg(42);
  const tr: Traffic = {
    from: new Int32Array(count),
    to: new Int32Array(count),
    kind: new Uint8Array(count),
    durUs: new Float64Array(count),
    phase: new Float64Array(count),
    queued: new Uint8Array(count),
  };
  const links = topo.links;
  for (let m = 0; m < count; m++) {
    const l = links[Math.floor(rnd() * links.length)]!;
    const forward = rnd() < 0.5;
    tr.from[m] = forward ? l.a : l.b;
    tr.to[m] = forward ? l.b : l.a;
    tr.kind[m] = m % 4;
    tr.durUs[m] = 300_000 + rnd() * 900_000;
    tr.phase[m] = rnd();
    tr.queued[m] = rnd() < 0.05 ? 1 : 0;
  }
  return tr;
}

function makeView(topo: TopologyView, tr: Traffic, frame: number, messages: Float64Array): WorldView {
  const now = 1_000_000 + frame * FRAME_US;
  const n = topo.nodes.length;
  const nodes = new Float64Array(n * NODE_STRIDE);
  for (let i = 0; i < n; i++) {
    const o = i * NODE_STRIDE;
    // a couple of nodes stay crashed for the whole run; the rest drift in load and queue
    nodes[o + NF.up] = i % 97 === 5 ? 0 : 1;
    nodes[o + NF.util] = nodes[o + NF.up]! ? 0.5 + 0.45 * Math.sin(frame * 0.03 + i) : 0;
    nodes[o + NF.queue] = topo.nodes[i]!.kind === 'client' ? 0 : (i + (frame >> 4)) % 5;
  }
  const links = new Float64Array(topo.links.length * LINK_STRIDE);
  for (let i = 0; i < topo.links.length; i++) {
    const o = i * LINK_STRIDE;
    links[o + LF.up] = i === 3 ? 0 : 1;
    links[o + LF.cut] = i === 3 ? 1 : 0;
    links[o + LF.bandwidthBps] = i % 7 === 0 ? 1e9 : 1e8;
    links[o + LF.lossRate] = i % 11 === 4 ? 0.05 : 0;
    links[o + LF.latencyUs] = 200;
  }
  for (let m = 0; m < tr.from.length; m++) {
    const o = m * MSG_STRIDE;
    const dur = tr.durUs[m]!;
    // each message loops over its hop forever: departs, arrives, departs again
    const into = (now / dur + tr.phase[m]!) % 1;
    const start = tr.queued[m] ? now + dur * into : now - dur * into;
    messages[o + MF.from] = tr.from[m]!;
    messages[o + MF.to] = tr.to[m]!;
    messages[o + MF.txStartUs] = start;
    messages[o + MF.arriveUs] = start + dur;
    messages[o + MF.kind] = tr.kind[m]!;
    messages[o + MF.id] = m + 1;
  }
  return { nowUs: now, eventsProcessed: frame, traceHash: '', topologyVersion: topo.version, nodes, links, messages, stats: {}, models: {} };
}

/** Runs `frames` animation frames of synthetic traffic through a GraphRenderer in `container`. */
export async function runRenderBench(container: HTMLElement, nodes: number, messages: number, frames = 300): Promise<RenderBenchResult> {
  const topo = syntheticTopology(shapeForTotal(nodes));
  const traffic = makeTraffic(topo, messages);
  // group labels as the app draws them (numbers only: this page is for measuring, not reading)
  const renderer = new GraphRenderer(container, { onSelect: () => undefined, ariaLabel: '', groupLabel: (hub, count, down) => `${hub} · ${count} · ${down}` });
  renderer.setTopology(topo);
  // cluster group badges, as the cluster lab shows them: one on every server, a few of them moving owner now and then
  const servers = topo.nodes.flatMap((n, i) => (n.kind === 'server' ? [i] : []));
  const badges = (frame: number) => servers.map((node, k) => ({ node: servers[(k + (k % 7 === 0 ? frame >> 6 : 0)) % servers.length]!, text: `G${k + 1}`, tone: k % 11 === 3 ? ('bad' as const) : ('ok' as const) }));
  const draws: number[] = [];
  const intervals: number[] = [];
  await new Promise<void>((resolve) => {
    let frame = 0;
    let last = NaN;
    const tick = (time: number) => {
      if (frame >= WARMUP && !Number.isNaN(last)) intervals.push(time - last);
      last = time;
      // a fresh array each frame, as a real frame posted by the worker would be
      const view = makeView(topo, traffic, frame, new Float64Array(messages * MSG_STRIDE));
      renderer.setView(view);
      if (frame % 64 === 0) renderer.setBadges(badges(frame));
      const ms = renderer.drawNow();
      if (frame >= WARMUP) draws.push(ms);
      frame++;
      if (frame < frames + WARMUP) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  // selecting a node (as a click would) repaints the static layer as well as the overlay
  const statics: number[] = [];
  const last = makeView(topo, traffic, frames + WARMUP, new Float64Array(messages * MSG_STRIDE));
  for (let i = 0; i < 9; i++) {
    renderer.setView(last);
    renderer.setSelection({ kind: 'node', id: topo.nodes[(i * 37) % topo.nodes.length]!.id });
    statics.push(renderer.drawNow());
  }
  statics.sort((a, b) => a - b);
  renderer.destroy();
  draws.sort((a, b) => a - b);
  intervals.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  // a frame reaches the screen at a display refresh: an interval of 16.8 ms next to one of 16.5 ms is one refresh each
  const refresh = percentile(intervals, 0.5);
  const shown = intervals.map((x) => Math.max(1, Math.round(x / refresh)) * refresh);
  return {
    drawP50Ms: round(percentile(draws, 0.5)),
    drawP95Ms: round(percentile(draws, 0.95)),
    frameP50Ms: round(percentile(intervals, 0.5)),
    frameP95Ms: round(percentile(shown, 0.95)),
    frameRawP95Ms: round(percentile(intervals, 0.95)),
    staticP50Ms: round(percentile(statics, 0.5)),
    missedFrames: intervals.filter((x) => x > 1.5 * percentile(intervals, 0.5)).length,
    nodes: topo.nodes.length,
    messages,
    frames: draws.length,
  };
}
