/**
 * Engine throughput on the cluster workload (issue 8): 32 Windows-cluster
 * nodes with heartbeats, membership and steady client load, one simulated hour.
 */
import { createSimulation } from '../src/engine/createSimulation';
import { clusterWorld } from '../src/engine/cluster/world';

function report(name: string, value: number, unit: string, extra: Record<string, unknown>): void {
  console.log(`BENCH ${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit, ...extra })}`);
}

const nodes = 32;
const clients = 64;
const hourUs = 3600 * 1_000_000;
const world = () => clusterWorld({ nodes, clients });
// warm the JIT on a short run first
createSimulation(world(), 7).runUntil(60_000_000);
const runs = [1, 2, 3].map((seed) => {
  const sim = createSimulation(world(), seed);
  const t0 = performance.now();
  sim.runUntil(hourUs);
  return { sim, secs: (performance.now() - t0) / 1000 };
});
runs.sort((a, b) => a.secs - b.secs);
const { sim, secs } = runs[1]!;
const size = { clusterNodes: nodes, clients, simulatedSeconds: 3600, events: sim.eventsProcessed };
report('engine.cluster.eventsPerSecond', sim.eventsProcessed / secs, 'events/s', size);
report('engine.cluster.hourWallSeconds', secs, 's', size);
