import type { SunDesign, SunFileOp } from './spec';

/** The Sun Cluster model's state for the panels (node fields are network node indices). */
export interface SunSnapshot {
  clusterName: string;
  sharedAddress: string;
  design: SunDesign;
  sessions: number;
  caches: boolean;
  nodes: number[];
  addresses: string[];
  members: boolean[];
  up: boolean[];
  util: number[];
  iface: number;
  diskNode: number;
  served: number[];
  owned: number[];
  movedTo: [number, number][];
  table: { conn: number; client: number; node: number; requests: number }[];
  log: { atUs: number; what: 'reset' | 'takeover' | 'moved' | 'left'; node: number; peer: number; conn: number }[];
  clients: number[];
  /** Each client's address as its session knows it (0 before it has one). */
  clientAddr: number[];
  files: { fid: number; path: string; version: number; local: boolean; dir: boolean }[];
  remote: number;
  invalidations: number;
  cache: { dnlc: number; attr: number; data: [number, number][] }[];
  hitsBy: { dnlc: number; attr: number; data: number };
  missesBy: { dnlc: number; attr: number; data: number };
  procs: { pid: number; name: string; threads: number; node: number; state: 'running' | 'moving' | 'lost' }[];
  agree: number[];
  migrations: number;
  recovered: number;
  results: { id: number; node: number; op: SunFileOp; path: string; remote: number; hits: number; misses: number; version: number; us: number; via: 'local' | 'cached' | 'primary' | 'remote' }[];
}
