/**
 * The worker's memory over a long run, in Node (run with --expose-gc): the
 * heaviest preset in the worker host through one simulated hour (skip-ahead
 * slices, so the timeline takes its keyframes and the trace fills as when
 * playing), heap after a full collection at ten minutes (the timeline's
 * keyframes and the trace ring full) and at the end.
 */
import { buildWorld, presetScenario } from '../src/scenario/scenario';
import { SimHost } from '../src/worker/host';
import type { Frame } from '../src/protocol';

const gc = (globalThis as { gc?: () => void }).gc;
function heapMB(): number {
  gc?.();
  gc?.();
  return Number((process.memoryUsage().heapUsed / 2 ** 20).toFixed(1));
}

const preset = 'scaleout';
const scenario = presetScenario(preset, 1);
const due: (() => void)[] = [];
let nowUs = 0;
const host = new SimHost({ nowMs: () => performance.now(), schedule: (fn) => void due.push(fn) }, (f: Frame) => void (nowUs = f.view.nowUs));
host.load(1, buildWorld(scenario), scenario.seed, [], false, 1);
/** Runs the host's scheduled slices until a skip of `byUs` is done. */
function skip(byUs: number): void {
  const target = nowUs + byUs;
  host.skipAhead(1, byUs);
  while (due.length > 0 && nowUs < target) due.shift()!();
}
const t0 = performance.now();
while (nowUs < 600_000_000) skip(60_000_000);
const start = heapMB();
const endUs = 3600 * 1_000_000;
while (nowUs < endUs) skip(60_000_000);
const size = { preset, simulatedSeconds: Math.round(nowUs / 1e6), wallSeconds: Number(((performance.now() - t0) / 1000).toFixed(1)), gc: !!gc };
console.log(`BENCH ${JSON.stringify({ name: 'memory.workerHeapStartMB', value: start, unit: 'MB', ...size })}`);
console.log(`BENCH ${JSON.stringify({ name: 'memory.workerHeapEndMB', value: heapMB(), unit: 'MB', ...size })}`);
