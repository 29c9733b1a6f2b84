import type { LinkSpec, NodeSpec, Platform, WorkloadSpec, WorldSpec } from '../../../engine/types';
import type { ProcessingClass } from './costModel';

/** Defaults of the transaction workload; scaled for teaching, not measured. */
export const DEFAULT_WORKLOAD: Omit<WorkloadSpec, 'server' | 'db' | 'processing'> = {
  // a busy office: each user submits a transaction about once a second
  thinkTimeMeanUs: 1_000_000,
  // a scaled-down client timeout (real ones are tens of seconds) so a lesson sees failures quickly
  timeoutUs: 5_000_000,
};

/** Clients are remote (a branch office over a WAN): long enough for messages to be seen moving. */
const CLIENT_LINK_LATENCY_US = 40_000;
/** Servers are several times faster than a desktop; a mainframe more so. */
const SERVER_SPEED = 8;
const MAINFRAME_SPEED = 16;

/** The office's desktops: the Windows PCs are older and half as fast, so a heavier feature hurts them first. */
const CLIENT_PLATFORMS: { platform: Platform; prefix: string; cpuSpeed: number }[] = [
  { platform: 'windows-pc', prefix: 'pc', cpuSpeed: 0.5 },
  { platform: 'linux-ws', prefix: 'ws', cpuSpeed: 1 },
  { platform: 'mac', prefix: 'mac', cpuSpeed: 1 },
];

const lan = (latencyUs: number) => ({ latencyUs, jitterUs: Math.round(latencyUs / 4), bandwidthBps: 1_000_000_000, lossRate: 0 });
const wan = () => ({ latencyUs: CLIENT_LINK_LATENCY_US, jitterUs: CLIENT_LINK_LATENCY_US / 4, bandwidthBps: 10_000_000, lossRate: 0 });

/**
 * Clients spread over access switches (one switch when `switches` is 1, else
 * that many joined to a core switch), all on WAN links.
 */
function addClients(nodes: NodeSpec[], links: LinkSpec[], clients: number, switches: number, terminals = false): void {
  const hubs: string[] = [];
  if (switches <= 1) hubs.push('sw');
  for (let s = 1; s <= switches && switches > 1; s++) {
    const id = `sw${s}`;
    nodes.push({ id, kind: 'switch', label: `sw-${s}`, platform: 'network' });
    links.push({ id: `${id}~sw`, a: id, b: 'sw', ...lan(1_000) });
    hubs.push(id);
  }
  for (let i = 1; i <= clients; i++) {
    const p = terminals ? { platform: 'terminal' as const, prefix: 'tty', cpuSpeed: 1 } : CLIENT_PLATFORMS[(i - 1) % CLIENT_PLATFORMS.length]!;
    const id = `client-${i}`;
    const hub = hubs[(i - 1) % hubs.length]!;
    nodes.push({ id, kind: 'client', label: `${p.prefix}-${String(i).padStart(2, '0')}`, platform: p.platform, cpuSpeed: p.cpuSpeed });
    links.push({ id: `${id}~${hub}`, a: id, b: hub, ...wan() });
  }
}

const switchesFor = (clients: number) => Math.max(1, Math.ceil(clients / 24));

/**
 * The office: client PCs and workstations of mixed platforms reach a switch
 * over 10 Mb/s WAN links; the switch, an application server and a database
 * server share a gigabit LAN. `processing` says where the application runs.
 */
export function clientServerWorld(clients = 6, switches = switchesFor(clients), processing: ProcessingClass = 'server'): WorldSpec {
  const nodes: NodeSpec[] = [
    { id: 'app', kind: 'server', label: 'app-1', platform: 'linux-server', cpuSpeed: SERVER_SPEED },
    { id: 'db', kind: 'db', label: 'db-1', platform: 'windows-server', cpuSpeed: SERVER_SPEED },
    { id: 'sw', kind: 'switch', label: 'sw-core', platform: 'network' },
  ];
  const links: LinkSpec[] = [
    { id: 'sw~app', a: 'sw', b: 'app', ...lan(1_000) },
    { id: 'sw~db', a: 'sw', b: 'db', ...lan(1_000) },
  ];
  addClients(nodes, links, clients, switches);
  return { nodes, links, workload: { server: 'app', db: 'db', processing, ...DEFAULT_WORKLOAD } };
}

/** Mainframe and terminals (CS-HOST): one central host does everything; terminals only show screens. */
export function mainframeWorld(terminals = 8): WorldSpec {
  const nodes: NodeSpec[] = [
    { id: 'host', kind: 'server', label: 'mainframe', platform: 'mainframe', cpuSpeed: MAINFRAME_SPEED },
    { id: 'sw', kind: 'switch', label: 'cluster-ctl', platform: 'network' },
  ];
  const links: LinkSpec[] = [{ id: 'sw~host', a: 'sw', b: 'host', ...lan(1_000) }];
  addClients(nodes, links, terminals, switchesFor(terminals), true);
  return { nodes, links, workload: { server: 'host', db: 'host', processing: 'host', ...DEFAULT_WORKLOAD } };
}

/** A database application (CS-DB): clients send SQL straight to a database server (two tiers). */
export function databaseWorld(clients = 6): WorldSpec {
  const nodes: NodeSpec[] = [
    { id: 'db', kind: 'db', label: 'db-1', platform: 'windows-server', cpuSpeed: SERVER_SPEED },
    { id: 'sw', kind: 'switch', label: 'sw-core', platform: 'network' },
  ];
  const links: LinkSpec[] = [{ id: 'sw~db', a: 'sw', b: 'db', ...lan(1_000) }];
  addClients(nodes, links, clients, switchesFor(clients));
  return { nodes, links, workload: { server: 'db', db: 'db', processing: 'client', ...DEFAULT_WORKLOAD } };
}

