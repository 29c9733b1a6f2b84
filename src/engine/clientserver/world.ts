import { RequestResponseModel } from './requestResponse';
import { Simulation } from '../sim';
import type { LinkSpec, NodeSpec, Platform, WorkloadSpec, WorldSpec } from '../types';

/** Typical numbers for a small office system; scaled for teaching, not measured. */
export const DEFAULT_WORKLOAD: Omit<WorkloadSpec, 'server' | 'db'> = {
  // a busy office: each user submits a transaction about once a second
  thinkTimeMeanUs: 1_000_000,
  // a scaled-down client timeout (real ones are tens of seconds) so a lesson sees failures quickly
  timeoutUs: 3_000_000,
  requestBytes: 400,
  queryBytes: 300,
  resultBytes: 8_000,
  responseBytes: 2_000,
  appWorkUs: 4_000,
  appReplyWorkUs: 2_000,
  dbWorkUs: 8_000,
};

/** Clients are remote (a branch office over a WAN): long enough for messages to be seen moving. */
const CLIENT_LINK_LATENCY_US = 40_000;

const CLIENT_PLATFORMS: { platform: Platform; prefix: string }[] = [
  { platform: 'windows-pc', prefix: 'pc' },
  { platform: 'linux-ws', prefix: 'ws' },
  { platform: 'mac', prefix: 'mac' },
];

/**
 * The walking skeleton's office: client PCs and workstations of mixed
 * platforms reach a switch over 10 Mb/s wide-area links (30 ms, so a person
 * can see a message travel), and the switch, the application server and the
 * database server sit on a gigabit LAN. With `switches` > 1 clients spread over several
 * access switches joined to a core switch (used for larger worlds).
 */
export function clientServerWorld(clients = 6, switches = 1): WorldSpec {
  const nodes: NodeSpec[] = [];
  const links: LinkSpec[] = [];
  const access = (latencyUs: number, bandwidthBps: number) => ({ latencyUs, jitterUs: Math.round(latencyUs / 4), bandwidthBps, lossRate: 0 });
  nodes.push({ id: 'app', kind: 'server', label: 'app-1', platform: 'linux-server', cpuSpeed: 1 });
  nodes.push({ id: 'db', kind: 'db', label: 'db-1', platform: 'windows-server', cpuSpeed: 1 });
  nodes.push({ id: 'sw', kind: 'switch', label: 'sw-core', platform: 'network' });
  links.push({ id: 'sw~app', a: 'sw', b: 'app', ...access(1_000, 1_000_000_000) });
  links.push({ id: 'app~db', a: 'app', b: 'db', ...access(1_000, 1_000_000_000) });
  const hubs = ['sw'];
  for (let s = 1; s <= switches && switches > 1; s++) {
    const id = `sw${s}`;
    nodes.push({ id, kind: 'switch', label: `sw-${s}`, platform: 'network' });
    links.push({ id: `${id}~sw`, a: id, b: 'sw', ...access(1_000, 1_000_000_000) });
    hubs.push(id);
  }
  if (switches > 1) hubs.shift();
  for (let i = 1; i <= clients; i++) {
    const p = CLIENT_PLATFORMS[(i - 1) % CLIENT_PLATFORMS.length]!;
    const id = `client-${i}`;
    const hub = hubs[(i - 1) % hubs.length]!;
    nodes.push({ id, kind: 'client', label: `${p.prefix}-${String(i).padStart(2, '0')}`, platform: p.platform });
    links.push({ id: `${id}~${hub}`, a: id, b: hub, ...access(CLIENT_LINK_LATENCY_US, 10_000_000) });
  }
  return { nodes, links, workload: { server: 'app', db: 'db', ...DEFAULT_WORKLOAD } };
}

/** A simulation of a world with the client/server model running on it. */
export function clientServerSimulation(world: WorldSpec, seed: number): Simulation {
  return new Simulation(world, seed, [new RequestResponseModel(world.workload)]);
}
