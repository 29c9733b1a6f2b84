/**
 * Sun Cluster (SUN-*): Solaris nodes that present themselves as one Solaris
 * machine (SUN-SSI), talk to each other by object invocations on IDL
 * interfaces (SUN-CORBA), share one network address by one of three designs
 * (SUN-NET-OPTIONS, SUN-NET-FILTER) and one global file system with
 * client-side caches (SUN-GFS, SUN-VNODE, SUN-CACHE).
 *
 * Source: the course text, §2.6 "Sun Cluster" (seed 000_775174d5f4cced79);
 * defaults from SEMANTICS.md §3 "Sun Cluster / Oracle Solaris Cluster".
 */

/**
 * The three networking designs the Sun Cluster designers considered (§2.6.3):
 * `single` = all protocol processing on one node; `perNode` = one address and
 * protocol stack per node; `filter` = a packet filter forwards each packet to
 * the node that owns the connection (the one Sun Cluster chose).
 */
export const SUN_DESIGNS = ['single', 'perNode', 'filter'] as const;
export type SunDesign = (typeof SUN_DESIGNS)[number];

/** The file operations a process can ask for through the vnode interface. */
export const SUN_FILE_OPS = ['read', 'write', 'stat', 'ls'] as const;
export type SunFileOp = (typeof SUN_FILE_OPS)[number];

/** A scripted writer: one node rewrites one file every `everyUs`. */
export interface SunWriter {
  node: string;
  path: string;
  everyUs: number;
}

export interface SunSpec {
  /** The cluster's name: what `uname -n` answers on every node (SUN-SSI). */
  clusterName: string;
  /** The shared address clients use (a documentation address, RFC 5737). */
  sharedAddress: string;
  nodes: string[];
  clients: string[];
  design: SunDesign;
  /** Concurrent sessions per client machine (the load), each a closed loop. */
  sessions: number;
  thinkUs: number;
  /** Requests a connection carries before the client closes it and opens another. */
  requestsPerConn: number;
  /** CPU of one request's application work; of TCP/IP processing per packet; of the filter per packet. */
  appUs: number;
  protoUs: number;
  filterUs: number;
  /** Node weights for new connections (Lb_weighted: default 1, SEMANTICS §3). */
  weights: number[];
  /** Client TCP retransmission: first timeout and attempts before giving up. */
  rtoUs: number;
  retries: number;
  /** Time for the membership to notice a node has gone (model choice, short for a classroom). */
  detectUs: number;
  /** The node whose disk holds the global file system (the PxFS primary). */
  diskNode: string;
  caches: boolean;
  /** Each node's own process opens a file every `fileEveryUs` (0 = none). */
  fileEveryUs: number;
  writer?: SunWriter;
}

export const SUN_DEFAULTS = {
  clusterName: 'suncluster',
  sharedAddress: '192.0.2.10',
  design: 'filter' as SunDesign,
  sessions: 2,
  thinkUs: 40_000,
  requestsPerConn: 10,
  appUs: 3_000,
  protoUs: 1_000,
  filterUs: 100,
  // RFC 6298: no RTT sample yet -> RTO 1 s, doubled on each timeout (SEMANTICS §7 R1)
  rtoUs: 1_000_000,
  retries: 3,
  detectUs: 2_000_000,
  caches: true,
  fileEveryUs: 0,
};

/** Sessions per client machine (the load). */
export const SUN_SESSIONS = { min: 1, max: 16 } as const;

/** Message kinds of the Sun Cluster model (palette 44–51). */
export const SUN_MSG = {
  /** A client's TCP packet to the cluster (public network). */
  packet: 44,
  /** The cluster's reply to a client (public network). */
  reply: 45,
  /** A packet forwarded over the interconnect to the node that owns the connection. */
  forward: 46,
  /** Outgoing data sent over the interconnect to the node with the public interface. */
  outbound: 47,
  /** An object invocation on an IDL interface (proxy file system -> file object). */
  invoke: 48,
  /** The invocation's reply. */
  result: 49,
  /** The file object tells a caching node to drop its copy. */
  invalidate: 50,
  /** A TCP reset: the connection is gone. */
  reset: 51,
} as const;

/** Timer tags (the model's own numbering). */
export const SUN_TIMER = { think: 80, rto: 81, detect: 82, fileOp: 83, writer: 84 } as const;

/** Work tags. */
export const SUN_WORK = { protoIn: 1, app: 2, protoOut: 3, filterIn: 4, filterOut: 5, serve: 6, fsServer: 7, fsLocal: 8 } as const;

/** A file or directory of the global file system (and a node-local scratch file). */
export interface SunFile {
  fid: number;
  path: string;
  dir: boolean;
  /** Parent directory's fid (0 for the mount point itself). */
  parent: number;
  bytes: number;
  /** On the node's own local UFS, not the global file system. */
  local?: boolean;
}

/** The file tree: /global is mounted on every node through PxFS; /tmp is each node's local UFS. */
export const SUN_FILES: readonly SunFile[] = [
  { fid: 1, path: '/global', dir: true, parent: 0, bytes: 512 },
  { fid: 2, path: '/global/www', dir: true, parent: 1, bytes: 512 },
  { fid: 3, path: '/global/www/index.html', dir: false, parent: 2, bytes: 8_192 },
  { fid: 4, path: '/global/www/logo.png', dir: false, parent: 2, bytes: 32_768 },
  { fid: 5, path: '/global/data', dir: true, parent: 1, bytes: 512 },
  { fid: 6, path: '/global/data/report.txt', dir: false, parent: 5, bytes: 65_536 },
  { fid: 100, path: '/tmp/scratch', dir: false, parent: 0, bytes: 4_096, local: true },
];

export const fileByPath = (path: string): SunFile | undefined => SUN_FILES.find((f) => f.path === path);
export const fileById = (fid: number): SunFile | undefined => SUN_FILES.find((f) => f.fid === fid);

/** Server-side CPU+disk time of each file-object operation on the disk node. */
export const FS_COST_US = { lookup: 200, getattr: 150, readdir: 300, read: 1_500, write: 2_500, invalidate: 50 } as const;
