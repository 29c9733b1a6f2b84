/**
 * The message-passing and RPC lab's description, its defaults and its
 * constants. Timeouts follow TCP and gRPC (shared SEMANTICS §7), scaled
 * where a lesson needs it; each scaled figure says so.
 */

/** What a process runs (its "program"). */
export type Program = 'producer' | 'consumer' | 'noshm' | 'rpcClient' | 'rpcServer' | 'broker';
export type Service = 'reliable' | 'unreliable';
/** MP-BLOCK / MP-NONBLOCK. */
export type SendMode = 'blocking' | 'nonblocking';
/** MP-BLOCK (blocking receive) / MP-NONBLOCK-RECV by interrupt or by polling. */
export type RecvMode = 'blocking' | 'interrupt' | 'polling';
export type Binding = 'transient' | 'persistent';
/** 'alternate' runs a synchronous batch, then an asynchronous one, and so on, so both can be compared. */
export type CallMode = 'sync' | 'async' | 'alternate';

export const SERVICES: readonly Service[] = ['reliable', 'unreliable'];
export const SEND_MODES: readonly SendMode[] = ['blocking', 'nonblocking'];
export const RECV_MODES: readonly RecvMode[] = ['blocking', 'interrupt', 'polling'];
export const BINDINGS: readonly Binding[] = ['transient', 'persistent'];
export const CALL_MODES: readonly CallMode[] = ['sync', 'async', 'alternate'];

/** Visible process states (index = code in snapshots and traces). 'idle' = sleeping on its own timer; 'down' = its machine crashed. */
export const PSTATES = ['running', 'ready', 'blockedSend', 'blockedRecv', 'idle', 'down'] as const;
export type PState = (typeof PSTATES)[number];
export const PS = { running: 0, ready: 1, blockedSend: 2, blockedRecv: 3, idle: 4, down: 5 } as const;

/**
 * Message kinds of this lab: 16–23 in the palette (after client/server 0–7
 * and cluster 8–15). A dereference and its answer share one kind.
 */
export const MP_MSG = { data: 16, ack: 17, call: 18, reply: 19, connect: 20, accept: 21, close: 22, deref: 23, derefReply: 23 } as const;

export interface ProcSpec {
  id: string;
  label: string;
  /** The node it runs on. */
  node: string;
  program: Program;
  /** Producer: the process it sends to. Consumer: the source it receives from (none: any). RPC client: the server (or broker). */
  peer?: string;
  /** Per-process overrides of the lab-wide settings. */
  service?: Service;
  sendMode?: SendMode;
  copy?: boolean;
  recvMode?: RecvMode;
}

export interface RpcSpec {
  byRef: boolean;
  binding: Binding;
  mode: CallMode;
  /** Calls per batch. */
  calls: number;
  /** Persistent binding: the connection closes after this long without calls. */
  idleTimeoutUs: number;
  /** Pause between batches. */
  thinkUs: number;
  /** CPU time of marshalling or unmarshalling one message in a stub. */
  marshalUs: number;
  /** CPU time of P itself on the server. */
  execUs: number;
  /** The caller's own work per call (done between calls when sync, alongside them when async). */
  clientWorkUs: number;
  /** Size of the array Y in bytes (X is one 4-byte integer). */
  arrayBytes: number;
  /** ORB: registered objects → the server process that implements each. */
  directory?: Record<string, string>;
  /** ORB: the objects the client asks for, in turn (one may be missing from the directory). */
  objects?: string[];
}

export interface MessagingSpec {
  processes: ProcSpec[];
  service: Service;
  sendMode: SendMode;
  /** Non-blocking send: copy the message into the module (true) or send from the user's buffer (false). */
  copy: boolean;
  recvMode: RecvMode;
  /** Producer: CPU time to compose a message; consumer: to handle one. */
  workUs: number;
  /** Producer: pause between messages. */
  intervalUs: number;
  messageBytes: number;
  /** Producer: stop after this many messages (tests). */
  maxMessages?: number;
  /** Non-blocking receive: background work between polls (and the chunk size of background work). */
  pollEveryUs: number;
  /** CPU time of one poll. */
  pollCostUs: number;
  /** CPU time of taking an interrupt. */
  interruptUs: number;
  /** Probability that a transmission's bits get corrupted on the way (checksum catches it on a reliable service). */
  corruptRate: number;
  /** Time the module takes to hand one queued message to the network. */
  moduleUs: number;
  rtoInitUs: number;
  rtoMinUs: number;
  rtoMaxUs: number;
  /** Retransmissions before the sender is told the message failed. */
  maxRetries: number;
  /** MP-NOSHM: the processes first try a semaphore, then switch to messages at this time. */
  noshmSwitchUs?: number;
  rpc?: RpcSpec;
}

/**
 * TCP's retransmission timer. From RFC 6298: RTO = 1 s until the first
 * round-trip sample (§2.1), then SRTT + 4·RTTVAR (§2.3), doubled on each
 * timeout (§5.5), no samples from retransmitted segments (Karn, §3). RFC 6298
 * also asks for a 1 s MINIMUM (§2.4) and allows a cap of no less than 60 s
 * (§2.5). The lab takes its floor from Linux instead (include/net/tcp.h:
 * TCP_RTO_MIN = 200 ms; TCP_TIMEOUT_INIT = 1 s as the RFC), as real stacks do.
 * Simplified so a lesson sees the outcome in seconds: Linux caps RTO at 120 s
 * (TCP_RTO_MAX) and gives up after tcp_retries2 = 15 retries (~15 min); the
 * lab caps it at 8 s and reports the failure after 5 retries. The panel says
 * so where the timer is shown (mp.rtoRule).
 */
export const RTO = { initUs: 1_000_000, minUs: 200_000, maxUs: 8_000_000, maxRetries: 5 } as const;

/**
 * Persistent binding's idle timeout. gRPC closes an idle channel after 30 min
 * (C-core) or 300 s (spec text); scaled here to 5 s so it shows up in a lesson.
 */
export const IDLE_TIMEOUT_US = 5_000_000;

export const MP_DEFAULTS = {
  service: 'reliable',
  sendMode: 'blocking',
  copy: true,
  recvMode: 'blocking',
  workUs: 20_000,
  intervalUs: 300_000,
  messageBytes: 512,
  pollEveryUs: 50_000,
  pollCostUs: 5_000,
  interruptUs: 1_000,
  corruptRate: 0,
  moduleUs: 2_000,
  rtoInitUs: RTO.initUs,
  rtoMinUs: RTO.minUs,
  rtoMaxUs: RTO.maxUs,
  maxRetries: RTO.maxRetries,
} as const satisfies Partial<MessagingSpec>;

export const RPC_DEFAULTS: RpcSpec = {
  byRef: false,
  binding: 'persistent',
  mode: 'sync',
  calls: 5,
  idleTimeoutUs: IDLE_TIMEOUT_US,
  thinkUs: 1_000_000,
  marshalUs: 2_000,
  execUs: 30_000,
  clientWorkUs: 30_000,
  arrayBytes: 4_096,
};

/** Ranges of the settings a person can change (the commands check them). */
export const MP_LIMITS = {
  corruptRate: { min: 0, max: 0.5 },
  idleTimeoutUs: { min: 100_000, max: 600_000_000 },
  calls: { min: 1, max: 20 },
  pollEveryUs: { min: 5_000, max: 2_000_000 },
} as const;

/** Procedure P's id in the call message (what the client stub writes first). */
export const PROC_P = 7;
