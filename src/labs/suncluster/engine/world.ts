import type { EngineCommand } from '../../../engine/commands';
import type { LinkSpec, NodeSpec, WorldSpec } from '../../../engine/types';
import { SUN_DEFAULTS, type SunDesign, type SunSpec, type SunWriter } from './spec';

export interface SunOptions {
  /** Solaris nodes (2–8). */
  nodes?: number;
  /** Client machines on the Internet (0 for a file-system-only world). */
  clients?: number;
  design?: SunDesign;
  sessions?: number;
  caches?: boolean;
  fileEveryUs?: number;
  writer?: SunWriter;
  overrides?: Partial<SunSpec>;
  script?: { atUs: number; cmd: EngineCommand }[];
}

const link = (id: string, a: string, b: string, latencyUs: number, bandwidthBps: number): LinkSpec => ({ id, a, b, latencyUs, jitterUs: Math.round(latencyUs / 10), bandwidthBps, lossRate: 0 });

/**
 * A Sun Cluster: Solaris nodes on a private interconnect (listed first on
 * every node, so node-to-node traffic takes it) and a public network to the
 * clients; the first node has the disk of the global file system.
 */
export function sunWorld(o: SunOptions = {}): WorldSpec {
  const count = Math.max(2, Math.min(8, o.nodes ?? 4));
  const nodes: NodeSpec[] = [
    { id: 'ic', kind: 'switch', label: 'interconnect', platform: 'network' },
    { id: 'public', kind: 'switch', label: 'public', platform: 'network' },
  ];
  const links: LinkSpec[] = [];
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `sun-${i}`;
    ids.push(id);
    nodes.push({ id, kind: 'server', label: id, platform: 'solaris', cpuSpeed: 1 });
  }
  // interconnect links first: a node's BFS routes to another node go over the private network
  for (const id of ids) links.push(link(`${id}~ic`, id, 'ic', 50, 1_000_000_000));
  for (const id of ids) links.push(link(`${id}~public`, id, 'public', 200, 100_000_000));
  const clients: string[] = [];
  for (let i = 1; i <= (o.clients ?? 6); i++) {
    const id = `client-${i}`;
    clients.push(id);
    nodes.push({ id, kind: 'client', label: `pc-${String(i).padStart(2, '0')}`, platform: (['windows-pc', 'linux-ws', 'mac'] as const)[i % 3]! });
    links.push(link(`${id}~public`, id, 'public', 5_000, 50_000_000));
  }
  const suncluster: SunSpec = {
    ...SUN_DEFAULTS,
    nodes: ids,
    clients,
    weights: ids.map(() => 1),
    diskNode: 'sun-1',
    design: o.design ?? SUN_DEFAULTS.design,
    sessions: o.sessions ?? SUN_DEFAULTS.sessions,
    caches: o.caches ?? SUN_DEFAULTS.caches,
    fileEveryUs: o.fileEveryUs ?? SUN_DEFAULTS.fileEveryUs,
    writer: o.writer,
    ...o.overrides,
  };
  return { nodes, links, suncluster, script: o.script };
}
