import type { EngineCommand } from '../../../engine/commands';
import type { LinkSpec, NodeSpec, WorldSpec } from '../../../engine/types';
import { PARALLEL_DEFAULTS, smpSpeed, type JobKind, type ParallelSpec } from './spec';
import { streamCards } from './bond';

export interface BeowulfOptions {
  /** Compute nodes (the head node comes on top). */
  nodes?: number;
  /** Bandwidth of one NIC of the private Ethernet (BEO-ETHERNET): 10 Mb/s, 100 Mb/s or 1 Gb/s. */
  nicBps?: number;
  /** NICs bonded on each compute node (BEO-BONDING). */
  nics?: number;
  autoJob?: { kind: JobKind; nodes: number };
  /** Put a symmetric multiprocessor with this many processors beside the cluster (CL-VS-SMP). */
  smp?: number;
  /** Run the single-system-image services too (CL-SSI). */
  ssi?: boolean;
  overrides?: Partial<ParallelSpec>;
  script?: { atUs: number; cmd: EngineCommand }[];
}

/** Compute nodes per rack: a 42U rack of 1U nodes, with room left for its switch and power. */
export const RACK_NODES = 32;
/** A rack switch's uplink to the central switch. */
const RACK_UPLINK_BPS = 10_000_000_000;

/**
 * A Beowulf cluster (BEO-TRAITS, BEO-LINUX, BEO-ETHERNET): a head node with
 * the public connection, and commodity PCs, each running its own Linux
 * kernel, on a private Ethernet through one switch.
 */
export function beowulfWorld(o: BeowulfOptions = {}): WorldSpec {
  const count = o.nodes ?? 8;
  const nic = o.nicBps ?? PARALLEL_DEFAULTS.nicBps;
  const nodes: NodeSpec[] = [
    { id: 'eth', kind: 'switch', label: 'ethernet', platform: 'network' },
    { id: 'head', kind: 'server', label: 'head', platform: 'linux-server', cpuSpeed: 1 },
    { id: 'campus', kind: 'client', label: 'user', platform: 'linux-ws' },
  ];
  const links: LinkSpec[] = [
    // the head is bonded like the nodes (ethernet.ts): its cable runs at what one stream gets from its cards
    { id: 'head~eth', a: 'head', b: 'eth', latencyUs: 50, jitterUs: 10, bandwidthBps: nic * streamCards(o.nics ?? 1), lossRate: 0 },
    { id: 'campus~head', a: 'campus', b: 'head', latencyUs: 2_000, jitterUs: 200, bandwidthBps: 100_000_000, lossRate: 0 },
  ];
  const workers: string[] = [];
  const width = Math.max(2, String(count).length);
  // past one rack, nodes sit in racks of RACK_NODES behind their own switch, wired to the central one
  const racks = count > RACK_NODES ? Math.ceil(count / RACK_NODES) : 0;
  for (let r = 1; r <= racks; r++) {
    const id = `rack-${String(r).padStart(2, '0')}`;
    nodes.push({ id, kind: 'switch', label: id, platform: 'network' });
    links.push({ id: `${id}~eth`, a: id, b: 'eth', latencyUs: 20, jitterUs: 5, bandwidthBps: RACK_UPLINK_BPS, lossRate: 0 });
  }
  for (let i = 1; i <= count; i++) {
    const id = `n${String(i).padStart(width, '0')}`;
    workers.push(id);
    nodes.push({ id, kind: 'server', label: id, platform: 'linux-server', cpuSpeed: 1 });
    const sw = racks > 0 ? `rack-${String(Math.ceil(i / RACK_NODES)).padStart(2, '0')}` : 'eth';
    // the link keeps the name "<node>~eth" either way: it is the node's Ethernet cable (see ethernet.ts)
    links.push({ id: `${id}~eth`, a: id, b: sw, latencyUs: 50, jitterUs: 10, bandwidthBps: nic * streamCards(o.nics ?? 1), lossRate: 0 });
  }
  if (o.smp) {
    nodes.push({ id: 'smp', kind: 'server', label: `smp-${o.smp}cpu`, platform: 'solaris', cpuSpeed: smpSpeed(o.smp) });
    links.push({ id: 'smp~eth', a: 'smp', b: 'eth', latencyUs: 50, jitterUs: 10, bandwidthBps: 1_000_000_000, lossRate: 0 });
  }
  const parallel: ParallelSpec = {
    ...PARALLEL_DEFAULTS,
    head: 'head',
    workers,
    ethernetLinks: workers.map((w) => `${w}~eth`),
    nicBps: nic,
    nics: o.nics ?? 1,
    autoJob: o.autoJob,
    smp: o.smp ? 'smp' : undefined,
    campus: 'campus',
    smpProcessors: o.smp ?? PARALLEL_DEFAULTS.smpProcessors,
    ...o.overrides,
  };
  return { nodes, links, parallel, script: o.script, ...(o.ssi ? { ssi: { entry: 'head', user: 'campus', nodes: workers } } : {}) };
}
