/**
 * The worker's wire format: what the page sends (controls and commands) and
 * what the worker posts back (frames and replies). Plain structured-clone data.
 */
import type { CommandError, EngineCommand } from '../engine/commands';
import type { LoggedCommand } from '../engine/replay';
import type { TraceEvent } from '../engine/kernel/trace';
import type { WorldSpec } from '../engine/types';
import type { TopologyView, WorldView } from '../engine/view';
import type { PackedEvents } from './events';

export const PROTOCOL_VERSION = 1;

export { EARLY_SHARE } from './earlyShare';

export type { CommandError, EngineCommand, LoggedCommand, TraceEvent, TopologyView, WorldSpec, WorldView };
export { LF, MF, NF, LINK_STRIDE, MSG_STRIDE, NODE_STRIDE } from '../engine/view';
export { CLASSES, COST, CS_MSG, FAT, LAYERS, PLACEMENT, THIN } from '../labs/clientserver/engine/costModel';
export type { Layer, Place, ProcessingClass } from '../labs/clientserver/engine/costModel';
export { HOP_STRIDE } from '../engine/sim';
export { SETTING } from '../engine/kernel/trace';
export { CL_MSG } from '../labs/cluster/engine/clusterModel';
export { CL_DATA_MSG, FAILBACK_POLICIES, RESOURCE_STATES } from '../labs/cluster/engine/spec';
export type { FailbackPolicy } from '../labs/cluster/engine/spec';
export type { ClusterSnapshot, GroupView } from '../labs/cluster/engine/snapshot';
export type { StatName } from '../engine/labStats';
export { ALGORITHMS, BL_MSG, SERVER_STATES } from '../labs/balancer/engine/spec';
export type { Algorithm, BalancerSnapshot } from '../labs/balancer/engine/spec';
export { JOB_KINDS, PAR_MSG, amdahl, smpSpeed } from '../labs/parallel/engine/spec';
export { SSI_MSG } from '../labs/ssi/engine/ssiModel';
export { SSI_NET_MSG } from '../labs/ssi/engine/vnetConsole';
export { MIIMON_US, RETRANSMIT_US, STREAM_BYTES, streamCards } from '../labs/parallel/engine/bond';
export type { JobKind } from '../labs/parallel/engine/spec';
export type { ParallelSnapshot } from '../labs/parallel/engine/snapshot';
export type { JobResult } from '../labs/parallel/engine/parallelModel';
export { IDL_TEXT } from '../labs/suncluster/engine/idl';
export { SUN_DESIGNS, SUN_FILE_OPS, SUN_FILES, SUN_MSG, SUN_SESSIONS } from '../labs/suncluster/engine/spec';
export type { SunFileOp } from '../labs/suncluster/engine/spec';
export type { SunSnapshot } from '../labs/suncluster/engine/snapshot';
export { LIMITS } from '../engine/limits';
export { BINDINGS, CALL_MODES, MP_LIMITS, MP_MSG, PS, RECV_MODES, RPC_DEFAULTS, RTO, SEND_MODES, SERVICES } from '../labs/messaging/engine/spec';
export type { Binding, CallMode, RecvMode, SendMode, Service } from '../labs/messaging/engine/spec';
export { CALL, CALL_STRIDE, MARK, MARK_STRIDE, MARK_TYPE, SPAN, SPAN_STRIDE, TX, TX_STRIDE, TXF } from '../labs/messaging/engine/diagram';
export type { DiagramView } from '../labs/messaging/engine/diagram';
export type { MpModule, MpProc, MpSnapshot, RpcCallView, RpcView } from '../labs/messaging/engine/snapshotTypes';
export { RPC_STEP } from '../labs/messaging/engine/rpcTypes';
export type { NodeKind, Platform } from '../engine/types';
export { KIND_NAMES, LAB_KINDS, MESSAGE_KIND_NAMES, type MessageKindName } from '../engine/messageKinds';
export type { LabId } from '../engine/labs';

/** One frame: the events since the previous one plus the world's compact state. */
export interface Frame {
  runId: number;
  playing: boolean;
  speed: number;
  /** Present when the topology changed since the last frame (and in the first frame). */
  topology?: TopologyView;
  view: WorldView;
  events: TraceEvent[];
  /** Hops finished since the previous frame (HOP_STRIDE numbers each), so short hops can be shown. */
  hops: Float64Array;
  /** Events that happened but were left out of `events` to bound the frame's size. */
  skippedEvents: number;
  commandLog: LoggedCommand[] | null;
  /** Simulated µs the run is behind the requested speed (the budget ran out). */
  lagUs: number;
  /** A skip ahead in progress (from and to simulated µs), or null. */
  skip: { fromUs: number; toUs: number } | null;
  /** How far the current branch has been run, for the timeline. */
  timeline?: TimelineInfo;
  /** Set after a seek: `events` replaces the page's log instead of adding to it. */
  reset?: boolean;
}

/** A frame as it crosses to the page: its events packed into one transferred buffer (see events.ts). */
export interface WireFrame extends Omit<Frame, 'events'> {
  events: PackedEvents;
}

/** The timeline's extent: the head is the furthest point run on this branch. */
export interface TimelineInfo {
  headUs: number;
  headEvent: number;
  /** Branches that undo can bring back. */
  undoDepth: number;
  /** Logged commands after the cursor (met again when the run plays on). */
  ahead: number;
}

/** Where to seek: an event count, a simulated time, or just after a trace event (the first limit met wins). */
export interface SeekTarget {
  event?: number;
  us?: number;
  traceCount?: number;
}

/** What a seek did: where it landed and what it cost. */
export interface SeekReply {
  ms: number;
  replayedEvents: number;
  fromKeyframe: boolean;
  eventsProcessed: number;
  nowUs: number;
}

/** The reply to one command, matched by id. */
export interface CommandReply {
  id: number;
  runId: number;
  ok: boolean;
  error?: CommandError;
}

/** The scenario a run starts from (src/scenario's Scenario, already validated by the page): the worker builds its world. */
export interface RunScenario {
  preset: string;
  seed: number;
  clients: number;
  nodes?: number;
}

/** What the worker exposes (through comlink). */
export interface WorkerApi {
  /** Starts a run of a scenario; with a cursor (a shared run), replays the log up to it and stops there. */
  load(runId: number, scenario: RunScenario, log: LoggedCommand[], playing: boolean, speed: number, cursor?: { event: number; us: number }): void;
  /** Moves to a point already run (pauses); null when the run changed meanwhile. */
  seek(runId: number, target: SeekTarget): SeekReply | null;
  stepBack(runId: number): SeekReply | null;
  /** Brings back the future replaced by the last change in the past. */
  undo(runId: number): boolean;
  play(): void;
  pause(): void;
  step(): void;
  setSpeed(speed: number): CommandError | null;
  /** Runs this much simulated time ahead as fast as possible, posting progress; false when the run changed. */
  skipAhead(runId: number, byUs: number): boolean;
  /** Stops a skip ahead where it has got to. */
  cancelSkip(): void;
  command(id: number, cmd: unknown): CommandReply;
  /** What a recent message carried (SQL text, rows, bytes), or null if it is too old. */
  describeMessage(runId: number, id: number): Record<string, string | number> | null;
  subscribe(onFrame: (frame: WireFrame) => void): void;
}
