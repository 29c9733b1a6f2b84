/** The engine's own description of a world; `src/scenario` builds one from a scenario document. */

/** What a machine is in the picture: who asks, who forwards, who serves. */
export type NodeKind = 'client' | 'switch' | 'server' | 'db';

/** Hardware/OS family, shown on the node: clients of different platforms still speak one protocol. */
export type Platform = 'windows-pc' | 'linux-ws' | 'mac' | 'network' | 'linux-server' | 'windows-server' | 'solaris';

export const PLATFORMS: readonly Platform[] = [
  'windows-pc',
  'linux-ws',
  'mac',
  'network',
  'linux-server',
  'windows-server',
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
}

/** The request/response workload of the client/server model (a closed loop of users). */
export interface WorkloadSpec {
  /** The node clients send requests to. */
  server: string;
  /** The node the server queries. */
  db: string;
  thinkTimeMeanUs: number;
  timeoutUs: number;
  requestBytes: number;
  queryBytes: number;
  resultBytes: number;
  responseBytes: number;
  /** CPU work on the application server before it queries, and after the result. */
  appWorkUs: number;
  appReplyWorkUs: number;
  /** CPU work on the database server per query. */
  dbWorkUs: number;
}

export interface WorldSpec {
  nodes: NodeSpec[];
  links: LinkSpec[];
  workload: WorkloadSpec;
}
