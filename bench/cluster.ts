/**
 * Engine throughput on the cluster workload (issue 8): 32 Windows-cluster
 * nodes with heartbeats, membership and steady client load, one simulated hour.
 */
import { createSimulation } from '../src/engine/createSimulation';
import { clusterWorld } from '../src/labs/cluster/engine/world';
import { bareLoopEventsPerSecond } from './bareLoop';

function report(name: string, value: number, unit: string, extra: Record<string, unknown>): void {
  console.log(`BENCH ${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit, ...extra })}`);
}

const nodes = 32;
const clients = 64;
const hourUs = 3600 * 1_000_000;
const world = () => clusterWorld({ nodes, clients });
// warm the JIT on a short run first
createSimulation(world(), 7).runUntil(60_000_000);
/**
 * Five seeds; the figure is the fastest run, the median goes with it. This
 * machine's two cores are shared with other machines', and the same code
 * measured anywhere from 2.1 to 3.3 M events/s in one afternoon: the fastest
 * run is the one least slowed by others, so it measures the engine.
 */
bareLoopEventsPerSecond(2_000_000);
const runs = [1, 2, 3, 4, 5].map((seed) => {
  // the floor, timed just before each run (see bareLoop.ts)
  const bare = bareLoopEventsPerSecond(5_000_000);
  const sim = createSimulation(world(), seed);
  const t0 = performance.now();
  sim.runUntil(hourUs);
  const secs = (performance.now() - t0) / 1000;
  return { events: sim.eventsProcessed, secs, rate: sim.eventsProcessed / secs, bare };
});
const byRate = [...runs].sort((a, b) => b.rate - a.rate);
const fastest = byRate[0]!;
const median = byRate[2]!;
const size = { clusterNodes: nodes, clients, simulatedSeconds: 3600, events: fastest.events, runs: runs.length };
report('engine.cluster.eventsPerSecond', fastest.rate, 'events/s', { ...size, median: Number(median.rate.toPrecision(4)) });
report('engine.cluster.hourWallSeconds', fastest.secs, 's', { ...size, median: Number(median.secs.toPrecision(4)) });
// the reference: a bare heap loop ran 8-12 M events/s here, and the engine should be within 4x of it
const bares = runs.map((r) => r.bare).sort((a, b) => b - a);
report('machine.bareLoopEventsPerSecond', bares[0]!, 'events/s', { runs: runs.length, median: Number(bares[2]!.toPrecision(4)) });
const ratios = runs.map((r) => r.bare / r.rate).sort((a, b) => a - b);
report('engine.cluster.timesSlowerThanBareLoop', ratios[2]!, 'x', { runs: runs.length, note: 'median of the 5 runs, each against the bare loop timed just before it' });
