import type { EngineCommand } from '../../../engine/commands';
import type { LinkSpec, NodeSpec, WorldSpec } from '../../../engine/types';
import { CLUSTER_DEFAULTS, standardGroup, type FailbackPolicy, type WitnessKind } from './spec';

export interface ClusterOptions {
  nodes?: number;
  clients?: number;
  quorum?: boolean;
  failback?: FailbackPolicy;
  /** Bandwidth of the private interconnect. */
  interconnectBps?: number;
  script?: { atUs: number; cmd: EngineCommand }[];
  /**
   * How the nodes share work and data (CL-CONFIG): a passive standby; an active secondary
   * with disks connected to both (the default); separate servers copying their data; or
   * servers sharing disks through a lock manager.
   */
  config?: ClusterConfig;
  /** High availability or fault tolerance (CL-HA-VS-FT). */
  mode?: 'ha' | 'ft';
  /** Steps of each client transaction (writes + commit). */
  txSteps?: number;
  /** The witness (default: a disk witness for two nodes, none for more). */
  witness?: WitnessKind;
  /** Dynamic quorum (default on; off: the fixed majority of Windows Server 2008). */
  dynamicQuorum?: boolean;
}

export type ClusterConfig = 'passive' | 'active' | 'separate' | 'shared';

const lan = (latencyUs: number, bandwidthBps: number, net: string) => ({ latencyUs, jitterUs: Math.round(latencyUs / 5), bandwidthBps, lossRate: 0, net });

/** The file server that holds a file-share witness, on site a's public network. */
export const WITNESS_HOST = 'fsw';

/** The two links joining the sites: cutting both splits the cluster in half. */
export const SITE_LINKS = ['ic-a~ic-b', 'pub-a~pub-b'] as const;

/**
 * A Windows cluster over two sites (or racks): N nodes, half on each side,
 * each on a private interconnect (heartbeats) and a public network where the
 * clients are; the sites are joined by one interconnect link and one public
 * link. Two application groups (SQL and files) have opposite preferred owners.
 */
export function clusterWorld(o: ClusterOptions = {}): WorldSpec {
  const count = o.nodes ?? 4;
  const ic = o.interconnectBps ?? 1_000_000_000;
  const nodes: NodeSpec[] = [];
  const links: LinkSpec[] = [];
  for (const site of ['a', 'b']) {
    nodes.push({ id: `ic-${site}`, kind: 'switch', label: `interconnect-${site}`, platform: 'network' });
    nodes.push({ id: `pub-${site}`, kind: 'switch', label: `public-${site}`, platform: 'network' });
  }
  links.push({ id: SITE_LINKS[0], a: 'ic-a', b: 'ic-b', ...lan(500, ic, 'ic') });
  links.push({ id: SITE_LINKS[1], a: 'pub-a', b: 'pub-b', ...lan(500, 1_000_000_000, 'pub') });
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `node-${i}`;
    const site = i <= Math.ceil(count / 2) ? 'a' : 'b';
    ids.push(id);
    nodes.push({ id, kind: 'server', label: id, platform: 'windows-server', cpuSpeed: 4 });
    // the interconnect link comes first, so heartbeats prefer it while it is up
    links.push({ id: `${id}~ic`, a: id, b: `ic-${site}`, ...lan(100, ic, 'ic') });
    links.push({ id: `${id}~pub`, a: id, b: `pub-${site}`, ...lan(200, 1_000_000_000, 'pub') });
  }
  for (let i = 1; i <= (o.clients ?? 4); i++) {
    const id = `client-${i}`;
    nodes.push({ id, kind: 'client', label: `pc-${String(i).padStart(2, '0')}`, platform: i % 2 ? 'windows-pc' : 'linux-ws' });
    links.push({ id: `${id}~pub`, a: id, b: i % 2 ? 'pub-a' : 'pub-b', ...lan(20_000, 100_000_000, 'pub') });
  }
  // two nodes cannot break a tie by themselves: a witness gives the extra vote
  const witness = o.witness ?? (count === 2 ? 'disk' : 'none');
  if (witness === 'share') {
    nodes.push({ id: WITNESS_HOST, kind: 'server', label: 'file-share-witness', platform: 'windows-server' });
    links.push({ id: `${WITNESS_HOST}~pub`, a: WITNESS_HOST, b: 'pub-a', ...lan(200, 1_000_000_000, 'pub') });
  }
  const failback = o.failback ?? 'prevent';
  const config = o.config ?? 'active';
  // a passive standby runs nothing until its partner fails
  const second = config === 'passive' ? ['node-1', 'node-2'] : ['node-2', 'node-1'];
  const groups = [standardGroup('sql', 'SQL Server', ['node-1', 'node-2'], failback), standardGroup('files', 'File Server', second, failback)];
  const storage = config === 'separate' ? 'copy' : config === 'shared' ? 'shared' : 'disk';
  return {
    nodes,
    links,
    cluster: {
      ...CLUSTER_DEFAULTS,
      nodes: ids,
      groups,
      networks: [...CLUSTER_DEFAULTS.networks],
      quorum: o.quorum ?? true,
      dynamicQuorum: o.dynamicQuorum ?? true,
      witness,
      witnessHost: witness === 'share' ? WITNESS_HOST : undefined,
      mode: o.mode ?? 'ha',
      storage,
      txSteps: o.txSteps ?? CLUSTER_DEFAULTS.txSteps,
    },
    script: o.script,
  };
}
