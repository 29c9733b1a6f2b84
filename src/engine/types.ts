/** The engine's own description of a world; `src/scenario` builds one from a scenario. */
import type { ProcessingClass } from '../labs/clientserver/engine/costModel';
import type { MessagingSpec } from '../labs/messaging/engine/spec';
import type { ClusterSpec } from '../labs/cluster/engine/spec';
import type { BalancerSpec } from '../labs/balancer/engine/spec';
import type { ParallelSpec } from '../labs/parallel/engine/spec';
import type { SsiSpec } from '../labs/ssi/engine/ssiModel';
import type { SunSpec } from '../labs/suncluster/engine/spec';
import type { EngineCommand } from './commands';

/** What a machine is in the picture: who asks, who forwards, who serves. */
export type NodeKind = 'client' | 'switch' | 'server' | 'db';

/** Hardware/OS family, shown on the node: clients of different platforms still speak one protocol. */
export type Platform = 'windows-pc' | 'linux-ws' | 'mac' | 'terminal' | 'network' | 'linux-server' | 'windows-server' | 'mainframe' | 'solaris';

export const PLATFORMS: readonly Platform[] = [
  'windows-pc',
  'linux-ws',
  'mac',
  'terminal',
  'network',
  'linux-server',
  'windows-server',
  'mainframe',
  'solaris',
];

export interface NodeSpec {
  id: string;
  kind: NodeKind;
  label: string;
  platform: Platform;
  /** Relative CPU speed: work of W µs takes W / cpuSpeed µs. Default 1. */
  cpuSpeed?: number;
}

export interface LinkSettings {
  /** One-way propagation delay. */
  latencyUs: number;
  /** Extra delay drawn uniformly from [0, jitterUs] per message and hop. */
  jitterUs: number;
  /** Transmission rate: a message of N bytes occupies the link for N*8/bandwidth seconds. */
  bandwidthBps: number;
  /** Probability that a message on this link is lost, 0..1. */
  lossRate: number;
}

export interface LinkSpec extends LinkSettings {
  id: string;
  a: string;
  b: string;
  /**
   * The network the link belongs to (a cluster's private interconnect, its
   * public network...). A message sent on a network crosses only its links.
   */
  net?: string;
}

/** The transaction workload of the client/server model (a closed loop of users). */
export interface WorkloadSpec {
  /** The application server (the central host, for host-based processing). */
  server: string;
  /** The database server (may be the same node as `server`). */
  db: string;
  /** Where the application's layers run, for every client unless set per client. */
  processing: ProcessingClass;
  thinkTimeMeanUs: number;
  timeoutUs: number;
}

export interface WorldSpec {
  nodes: NodeSpec[];
  links: LinkSpec[];
  /** The client/server transaction model, if this world runs it. */
  workload?: WorkloadSpec;
  /** The cluster model, if this world runs it. */
  cluster?: ClusterSpec;
  /** The load-balancer model, if this world runs it. */
  balancer?: BalancerSpec;
  /** The Beowulf model, if this world runs it. */
  parallel?: ParallelSpec;
  /** The single-system-image services, if this world runs them. */
  ssi?: SsiSpec;
  /** The Sun Cluster model, if this world runs it. */
  suncluster?: SunSpec;
  /** The message-passing and RPC model, if this world runs it. */
  messaging?: MessagingSpec;
  /** Commands the world applies by itself at given times (a flapping node, a planned partition). */
  script?: { atUs: number; cmd: EngineCommand }[];
}
