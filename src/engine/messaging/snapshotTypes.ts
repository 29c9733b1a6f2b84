// The messaging lab's state for the panels, as messagingSnapshot() gives it.
import type { DiagramView } from './diagram';
import type { Binding, CallMode, RecvMode, SendMode, Service } from './spec';

/** One process as the messaging model's snapshot gives it. */
export interface MpProc {
  id: string;
  label: string;
  node: number;
  program: string;
  /** The label of the process it sends to or receives from ('' = any). */
  peer: string;
  state: number;
  sinceUs: number;
  service: Service;
  sendMode: SendMode;
  copy: boolean;
  recvMode: RecvMode;
  buffer: string;
  bufferBusy: boolean;
  recvBuf: string;
  sent: number;
  received: number;
  failures: number;
  altered: number;
  polls: number;
  emptyPolls: number;
  pollUs: number;
  interrupts: number;
  backgroundUs: number;
  blockedUs: number;
  runUs: number;
  sem: number;
  inCritical: boolean;
}

export interface MpModule {
  node: number;
  queue: { uid: number; to: string; text: string; seq: number }[];
  queued: number;
  unacked: { uid: number; to: string; seq: number; tries: number; rtoUs: number }[];
  unackedCount: number;
  reorder: { from: string; seq: number; expected: number; text: string }[];
  mailboxes: { proc: string; items: string[]; count: number }[];
  rtoUs: number[];
}

export interface RpcCallView {
  id: number;
  client: string;
  target: string;
  object: string;
  x: number;
  y: number[];
  step: number;
  async: boolean;
  result: string;
  encoded: string;
  msgs: number;
  bytes: number;
  replied: boolean;
}

export interface RpcView {
  byRef: boolean;
  binding: Binding;
  mode: CallMode;
  calls: number;
  idleTimeoutUs: number;
  recent: RpcCallView[];
  conns: { client: string; server: string; state: 'closed' | 'connecting' | 'open' }[];
  batches: { async: boolean; n: number; us: number }[];
  directory: { name: string; proc: string; node: number }[] | null;
  servers: { proc: string; phase: string; queued: number; serving: number }[];
  costs: { key: string; byRef: boolean; binding: Binding; async: boolean; n: number; msgs: number; bytes: number; us: number; handshakes: number }[];
}

export interface MpSnapshot {
  procs: MpProc[];
  modules: MpModule[];
  rpc: RpcView | null;
  corruptRate: number;
  /** The retransmission timer's settings in this run: first timeout, floor, cap, retries before the failure report. */
  rto: { initUs: number; minUs: number; maxUs: number; maxRetries: number };
  noshmSwitchUs: number;
  diagram: DiagramView;
}
