import type { CommandError, EngineCommand } from './commands';
import type { Prng } from './kernel/prng';
import type { TraceType } from './kernel/trace';
import type { NetworkView } from './net/network';
import type { LinkSettings, LinkSpec, NodeSpec } from './types';

/** A message between two nodes; `payload` is the model's own data, carried untouched. */
export interface Message {
  id: number;
  src: number;
  dst: number;
  /** A model-defined code drawn as the message's colour (request, reply...). */
  kind: number;
  bytes: number;
  payload: unknown;
  /** Which model handles its delivery. */
  model: number;
  /** The hop it is on now (for a cut-through message: its last hop, the one its event ends). */
  at: number;
  link: number;
  linkEpoch: number;
  txStartUs: number;
  arriveUs: number;
  lost: boolean;
  /** Cut-through: the row of its booked path in the kernel's PathStore; -1 when it goes hop by hop. */
  path: number;
  /** Hops of `path` already reported for drawing. */
  shown: number;
  /** Bumped when its queued arrival is superseded (a cut-through message re-routed hop by hop). */
  gen: number;
  /** The network it may travel on (Network.netIndex), -1 for any link. */
  net: number;
}

/**
 * What a model may do. Models act only through this context, which the
 * kernel applies (queueing, transport, trace); they never reach into the
 * network, the queue or another model.
 */
export interface ModelContext {
  readonly nowUs: number;
  /** The network, to read: changes go through setLink (or the commands). */
  readonly net: NetworkView;
  /** New settings for link `index` (by LinkRt.index), as the setLink command makes them: what is in flight is re-routed first. */
  setLink(index: number, settings: Partial<LinkSettings>): void;
  /** A node's processor speed from now on (work already begun keeps its end). */
  setCpuSpeed(node: number, speed: number): void;
  /** The model's own random stream. */
  readonly rng: Prng;
  /** Sends a message; with `net` (a Network.netIndex) it crosses only that network's links. */
  send(src: number, dst: number, kind: number, bytes: number, payload: unknown, net?: number): void;
  /** Fires after delayUs unless the node crashes first. */
  setTimer(node: number, delayUs: number, tag: number, data?: unknown): void;
  /** Queues CPU work on the node; onWorkDone follows when it is served. */
  work(node: number, workUs: number, tag: number, data?: unknown): void;
  /** Adds a machine and its links while the world runs (every model hears onNodeAdded); returns its index. */
  addNode(spec: NodeSpec, links: LinkSpec[]): number;
  emit(type: TraceType, node?: number, peer?: number, msg?: number, a?: number, b?: number, c?: number): void;
}

/** A family of behaviour (client/server, messaging, cluster...) driven by the kernel. */
export interface Model {
  readonly name: string;
  init(ctx: ModelContext): void;
  onMessage(ctx: ModelContext, node: number, msg: Message): void;
  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void;
  onWorkDone(ctx: ModelContext, node: number, tag: number, data: unknown): void;
  onNodeCrashed(ctx: ModelContext, node: number): void;
  onNodeRestarted(ctx: ModelContext, node: number): void;
  onNodeAdded(ctx: ModelContext, node: number): void;
  /** Figures for the panels, keyed by stat name. */
  stats(nowUs: number): Record<string, number>;
  /** Handles a command meant for this model: an error, null when done, undefined when not its command. */
  command?(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined;
  /** What a message of this model carries, as plain fields for the inspector. */
  describe?(msg: Message): Record<string, string | number>;
  /** Small plain state the panels show (structured-clone data). */
  snapshot?(): object;
}
