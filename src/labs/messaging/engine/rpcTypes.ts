/** The RPC layer's data: calls, connections, message bodies, and the stub's encoding. */
import type { Binding } from './spec';

/** Steps of one call, in order (RPC-STUBS); codes in the trace and the snapshot. */
export const RPC_STEP = {
  call: 0,
  marshal: 1,
  bind: 2,
  send: 3,
  unmarshal: 4,
  deref: 5,
  execute: 6,
  writeBack: 7,
  reply: 8,
  unmarshalReply: 9,
  returned: 10,
  error: 11,
  lookup: 12,
  forward: 13,
} as const;

export interface Call {
  id: number;
  client: number;
  /** The process called: the server, or the broker. */
  target: number;
  object: string | undefined;
  x: number;
  y: number[];
  async: boolean;
  t0: number;
  step: number;
  /** The diagram's bracket serial. */
  bracket: number;
  /** Messages and bytes spent on this call (handshakes, call, dereferences, reply). */
  msgs: number;
  bytes: number;
  result: number;
  error: string;
  /** The connection it was bound to (its key). */
  conn: string;
  /** How it was called: 'val'|'ref', binding, 'sync'|'async' (the key of the cost table). */
  mode: string;
  /** Passed by reference, and the binding, as the call was made (with `async`, what `mode` names). */
  byRef: boolean;
  binding: Binding;
  /** The call message as the client stub encoded it (hex). */
  encoded: string;
  replied: boolean;
}

export interface Conn {
  key: string;
  client: number;
  server: number;
  state: 'closed' | 'connecting' | 'open';
  waiting: Call[];
  /** Bumped on each use, so an old idle timer knows it is stale. */
  gen: number;
  active: number;
  opened: number;
}

export interface CallBody {
  rpc: 'call';
  id: number;
  client: number;
  object: string | undefined;
  x: number;
  y: number[];
  byRef: boolean;
  encoded: string;
}

export type RpcBody =
  | CallBody
  | { rpc: 'connect' | 'accept' | 'close'; key: string }
  | { rpc: 'reply'; id: number; result: number; error?: string }
  | { rpc: 'deref' | 'derefReply'; id: number; op: 'read' | 'write' };

/** What a server (or broker) is doing: the call it serves and the calls waiting. */
export interface ServerState {
  queue: { call: CallBody; from: number }[];
  cur: { call: CallBody; from: number } | null;
  phase: 'idle' | 'unmarshal' | 'deref' | 'exec' | 'writeBack' | 'reply' | 'lookup';
  /** Broker: calls forwarded to objects, by call id → the client to answer. */
  forwarded: Map<number, number>;
}

const hex32 = (v: number) => [24, 16, 8, 0].map((s) => ((v >>> s) & 0xff).toString(16).padStart(2, '0')).join(' ');

/**
 * The client stub's marshalling of CALL P(X, Y): procedure id, X as a 32-bit
 * integer, then Y either by value (its length and elements; Y is `length`
 * consecutive integers from y[0], of which the first few are shown) or by
 * reference (a system-wide pointer: the caller's node and an address).
 */
export function encodeCall(proc: number, x: number, y: number[], byRef: boolean, node: number, length = y.length): string {
  const parts = [hex32(proc), hex32(x)];
  if (byRef) parts.push(`${hex32(node)} ${hex32(0x1000)}`);
  else parts.push(hex32(length), ...y.map(hex32), length > y.length ? `… (+${length - y.length})` : '');
  return parts.filter(Boolean).join(' | ');
}

/** P itself: the server's local procedure, X plus the sum of Y's `length` consecutive integers from y[0]. */
export function procedureP(x: number, y: number[], length = y.length): number {
  const first = y[0] ?? 0;
  return x + length * first + (length * (length - 1)) / 2;
}
