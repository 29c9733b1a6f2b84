// The messaging lab's state for the panels, as messagingSnapshot() gives it.
import type { DiagramView } from './diagram';
import type { Proc } from './procs';
import type { Binding, CallMode } from './spec';

/** One process as the messaging model's snapshot gives it: its runtime fields, plus names and times in state. */
export type MpProc = Pick<
  Proc,
  'node' | 'state' | 'sinceUs' | 'service' | 'sendMode' | 'copy' | 'recvMode' | 'buffer' | 'bufferBusy' | 'recvBuf' | 'sent' | 'received' | 'failures' | 'altered' | 'polls' | 'emptyPolls' | 'pollUs' | 'interrupts' | 'backgroundUs' | 'sem' | 'inCritical'
> & {
  id: string;
  label: string;
  program: string;
  /** The label of the process it sends to or receives from ('' = any). */
  peer: string;
  blockedUs: number;
  runUs: number;
};

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
