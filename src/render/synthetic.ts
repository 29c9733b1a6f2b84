/**
 * Made-up topologies shaped like the engine's office worlds, for the
 * renderer's tests and benchmark (src/render may not import the engine).
 */
import type { Platform, TopologyView } from '../protocol';

type NodeRow = TopologyView['nodes'][number];
type LinkRow = TopologyView['links'][number];

/** What a synthetic world has; with `switches` > 1 one is the core and the rest are access switches. */
export interface SyntheticShape {
  clients: number;
  switches: number;
  servers: number;
  dbs: number;
}

const CLIENT_PLATFORMS: { platform: Platform; prefix: string }[] = [
  { platform: 'windows-pc', prefix: 'pc' },
  { platform: 'linux-ws', prefix: 'ws' },
  { platform: 'mac', prefix: 'mac' },
];

/** A topology with the given shape; node and link order match the engine's office world. */
export function syntheticTopology(shape: SyntheticShape, version = 1): TopologyView {
  const nodes: NodeRow[] = [];
  const links: LinkRow[] = [];
  const index = new Map<string, number>();
  const node = (id: string, kind: NodeRow['kind'], label: string, platform: Platform) => {
    index.set(id, nodes.length);
    nodes.push({ id, kind, label, platform, removed: false });
  };
  const link = (a: string, b: string) => links.push({ id: `${a}~${b}`, a: index.get(a)!, b: index.get(b)!, removed: false });
  node('sw', 'switch', 'sw-core', 'network');
  for (let s = 1; s <= shape.servers; s++) {
    node(`app${s}`, 'server', `app-${s}`, s % 2 ? 'linux-server' : 'solaris');
    link('sw', `app${s}`);
  }
  for (let d = 1; d <= shape.dbs; d++) {
    node(`db${d}`, 'db', `db-${d}`, 'windows-server');
    for (let s = 1; s <= shape.servers; s++) link(`app${s}`, `db${d}`);
  }
  const hubs = ['sw'];
  for (let s = 1; s < shape.switches; s++) {
    node(`sw${s}`, 'switch', `sw-${s}`, 'network');
    link(`sw${s}`, 'sw');
    hubs.push(`sw${s}`);
  }
  if (shape.switches > 1) hubs.shift();
  for (let i = 1; i <= shape.clients; i++) addSyntheticClient({ version, nodes, links }, hubs[(i - 1) % hubs.length]!, i);
  return { version, nodes, links };
}

/** Appends client number `n` on switch `hub` (mutates `topo`), as the engine's addClient does. */
export function addSyntheticClient(topo: TopologyView, hub: string, n: number): void {
  const p = CLIENT_PLATFORMS[(n - 1) % CLIENT_PLATFORMS.length]!;
  const id = `client-${n}`;
  const hubIndex = topo.nodes.findIndex((x) => x.id === hub);
  topo.nodes.push({ id, kind: 'client', label: `${p.prefix}-${String(n).padStart(2, '0')}`, platform: p.platform, removed: false });
  topo.links.push({ id: `${id}~${hub}`, a: topo.nodes.length - 1, b: hubIndex, removed: false });
}

/** The shape with about `total` nodes: a few switches, servers and a database, the rest clients. */
export function shapeForTotal(total: number): SyntheticShape {
  const switches = total > 60 ? Math.min(17, 1 + Math.ceil(total / 40)) : 1;
  const servers = total > 60 ? 3 : 1;
  const dbs = 1;
  return { clients: Math.max(1, total - switches - servers - dbs), switches, servers, dbs };
}
