import type { ModelContext } from '../../../engine/model';
import type { Proc } from './procs';

/** One message handed to the module by a Send. */
export interface Out {
  uid: number;
  from: Proc;
  to: Proc;
  kind: number;
  bytes: number;
  /** The copy taken at Send (what a copying send transmits). */
  text: string;
  /** No-copy: the module reads the sender's buffer each time it transmits. */
  nocopy: boolean;
  reliable: boolean;
  seq: number;
  epoch: number;
  tries: number;
  rtoUs: number;
  firstTxUs: number;
  /** What the layer above attached (an RPC call, a token); carried untouched. */
  body: unknown;
  /** Which layer to tell about acks and failures (0: the process's own Send; 1: RPC). */
  layer: number;
  /** The RPC call this belongs to (-1: none), for the diagram. */
  call: number;
}

/** A message as it arrives in a receive buffer. */
export interface Delivered {
  uid: number;
  from: number;
  kind: number;
  text: string;
  body: unknown;
  layer: number;
  corrupted: boolean;
  /** What arrived differs from what was in the buffer when Send was called (a no-copy buffer changed in transit). */
  changed: boolean;
}

export interface DataEnv {
  mp: 'data';
  tx: number;
  uid: number;
  from: number;
  to: number;
  seq: number;
  epoch: number;
  reliable: boolean;
  bad: boolean;
  text: string;
  /** Sent from the user's buffer (no copy). */
  nocopy: boolean;
  /** The text at the time of Send (to show what a changed no-copy buffer did). */
  orig: string;
  body: unknown;
  layer: number;
}
export interface AckEnv {
  mp: 'ack';
  tx: number;
  uid: number;
  epoch: number;
}

/** What the module tells the layers above. */
export interface ModuleOwner {
  transmitted(ctx: ModelContext, out: Out): void;
  acked(ctx: ModelContext, out: Out): void;
  failed(ctx: ModelContext, out: Out): void;
  arrived(ctx: ModelContext, to: Proc, d: Delivered): void;
}

/** A node's message-passing module (MP-MODULE): send queue, unacknowledged messages, reorder buffer, receive buffers. */
export interface NodeModule {
  queue: Out[];
  transmitting: boolean;
  unacked: Out[];
  /** Sender side per (from, to) pair: next sequence number and connection epoch. */
  nextSeq: Map<number, { seq: number; epoch: number }>;
  /** Receiver side per pair: next expected sequence number, its epoch, and out-of-order arrivals. */
  expected: Map<number, { seq: number; epoch: number; reorder: Map<number, DataEnv> }>;
  mailbox: Map<number, Delivered[]>;
  /** RFC 6298 estimator per destination node (with Linux's floor and the lab's cap, see RTO in spec.ts). */
  rtt: Map<number, { srtt: number; rttvar: number; rto: number }>;
}

