/**
 * The worker's wire format: what the page sends (controls and commands) and
 * what the worker posts back (frames and replies). Plain structured-clone data.
 */
import { z } from 'zod';
import type { CommandError, EngineCommand } from '../engine/commands';
import { CLASSES } from '../engine/clientserver/costModel';
import { FAILBACK_POLICIES } from '../engine/cluster/spec';
import { ALGORITHMS } from '../engine/balancer/spec';
import { JOB_KINDS } from '../engine/parallel/spec';
import { SUN_DESIGNS, SUN_FILE_OPS, SUN_SESSIONS } from '../engine/suncluster/spec';
import { BINDINGS, CALL_MODES, MP_LIMITS, RECV_MODES, SEND_MODES, SERVICES } from '../engine/messaging/spec';
import { LIMITS } from '../engine/limits';
import type { LoggedCommand } from '../engine/replay';
import type { TraceEvent } from '../engine/kernel/trace';
import { PLATFORMS, type WorldSpec } from '../engine/types';
import type { TopologyView, WorldView } from '../engine/view';

export const PROTOCOL_VERSION = 1;

export type { CommandError, EngineCommand, LoggedCommand, TraceEvent, TopologyView, WorldSpec, WorldView };
export { LF, MF, NF, LINK_STRIDE, MSG_STRIDE, NODE_STRIDE } from '../engine/view';
export { CLASSES, COST, CS_MSG, FAT, LAYERS, PLACEMENT, THIN, planTotals, requestText, sqlText } from '../engine/clientserver/costModel';
export type { Layer, Place, ProcessingClass, Query } from '../engine/clientserver/costModel';
export { HOP_STRIDE } from '../engine/sim';
export { SETTING } from '../engine/kernel/trace';
export { CL_MSG } from '../engine/cluster/clusterModel';
export { CL_DATA_MSG, FAILBACK_POLICIES, RESOURCE_STATES, RESOURCE_TYPES } from '../engine/cluster/spec';
export type { FailbackPolicy, ResourceState, ResourceType } from '../engine/cluster/spec';
export { ALGORITHMS, BL_MSG, SERVER_STATES } from '../engine/balancer/spec';
export type { Algorithm, ServerState } from '../engine/balancer/spec';
export { JOB_KINDS, PAR_MSG, amdahl, smpSpeed } from '../engine/parallel/spec';
export { SSI_MSG } from '../engine/ssi/ssiModel';
export type { JobKind } from '../engine/parallel/spec';
export { IDL_TEXT } from '../engine/suncluster/idl';
export { SUN_DESIGNS, SUN_FILE_OPS, SUN_FILES, SUN_MSG, SUN_SESSIONS } from '../engine/suncluster/spec';
export type { SunDesign, SunFileOp } from '../engine/suncluster/spec';
export { LIMITS } from '../engine/limits';
export { BINDINGS, CALL_MODES, MP_LIMITS, MP_MSG, PS, PSTATES, RECV_MODES, RPC_DEFAULTS, SEND_MODES, SERVICES } from '../engine/messaging/spec';
export type { Binding, CallMode, PState, RecvMode, SendMode, Service } from '../engine/messaging/spec';
export { CALL, CALL_STRIDE, MARK, MARK_STRIDE, MARK_TYPE, SPAN, SPAN_STRIDE, TX, TX_STRIDE, TXF } from '../engine/messaging/diagram';
export type { DiagramView } from '../engine/messaging/diagram';
export { RPC_STEP } from '../engine/messaging/rpcTypes';
export type { NodeKind, Platform } from '../engine/types';

const id = z.string().min(1).max(200);
const range = (k: keyof typeof LIMITS) => z.number().finite().min(LIMITS[k].min).max(LIMITS[k].max);

/** The shape of every command; ranges come from the engine's LIMITS table. */
export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('crashNode'), node: id }),
  z.object({ type: z.literal('restartNode'), node: id }),
  z.object({ type: z.literal('removeNode'), node: id }),
  z.object({ type: z.literal('cutLink'), link: id }),
  z.object({ type: z.literal('restoreLink'), link: id }),
  z.object({
    type: z.literal('setLink'),
    link: id,
    latencyUs: range('latencyUs').optional(),
    jitterUs: range('jitterUs').optional(),
    bandwidthBps: range('bandwidthBps').optional(),
    lossRate: range('lossRate').optional(),
  }),
  z.object({ type: z.literal('addClient'), platform: z.enum(PLATFORMS).optional(), via: id.optional() }),
  z.object({ type: z.literal('partition'), side: z.array(id).max(LIMITS.maxNodes.max) }),
  z.object({ type: z.literal('heal') }),
  z.object({ type: z.literal('setClients'), count: z.number().int().pipe(range('clients')) }),
  z.object({ type: z.literal('setClass'), cls: z.enum(CLASSES), node: id.optional() }),
  z.object({ type: z.literal('setThinkTime'), thinkTimeUs: range('thinkTimeUs') }),
  z.object({ type: z.literal('addFeature') }),
  z.object({ type: z.literal('upgradeClients') }),
  z.object({ type: z.literal('deploy') }),
  z.object({ type: z.literal('failResource'), group: id, resource: id, persistent: z.boolean().optional() }),
  z.object({ type: z.literal('setQuorum'), on: z.boolean() }),
  z.object({
    type: z.literal('setFailback'),
    group: id,
    policy: z.enum(FAILBACK_POLICIES),
    window: z.tuple([z.number().int().min(0).max(23), z.number().int().min(0).max(24)]).optional(),
  }),
  z.object({ type: z.literal('moveGroup'), group: id, node: id.optional() }),
  z.object({ type: z.literal('setAlgorithm'), algorithm: z.enum(ALGORITHMS) }),
  z.object({ type: z.literal('drainServer'), node: id, on: z.boolean() }),
  z.object({ type: z.literal('setWeight'), node: id, weight: z.number().int().pipe(range('weight')) }),
  z.object({ type: z.literal('addServer') }),
  z.object({ type: z.literal('setInterconnect'), bps: range('bandwidthBps') }),
  z.object({ type: z.literal('setClusterMode'), mode: z.enum(['ha', 'ft']) }),
  z.object({ type: z.literal('runJob'), kind: z.enum(JOB_KINDS), nodes: z.number().int().min(1).max(LIMITS.maxNodes.max), smp: z.boolean().optional() }),
  z.object({ type: z.literal('setSmp'), processors: z.number().int().min(1).max(64) }),
  z.object({ type: z.literal('sweep'), kind: z.enum(JOB_KINDS) }),
  z.object({ type: z.literal('killProcess'), pid: z.number().int().min(0) }),
  z.object({ type: z.literal('failNic'), node: id }),
  z.object({ type: z.literal('setEthernet'), bps: range('bandwidthBps') }),
  z.object({ type: z.literal('setMigration'), on: z.boolean() }),
  z.object({ type: z.literal('setSharedNetwork'), on: z.boolean() }),
  z.object({ type: z.literal('ssiLogin') }),
  z.object({ type: z.literal('ssiTouch'), node: id, page: z.number().int().min(0).max(1000), write: z.boolean() }),
  z.object({ type: z.literal('ssiAdmin') }),
  z.object({ type: z.literal('ssiRead'), node: id, file: z.number().int().min(0).max(1000) }),
  z.object({
    type: z.literal('mpSet'),
    process: id.optional(),
    service: z.enum(SERVICES).optional(),
    sendMode: z.enum(SEND_MODES).optional(),
    copy: z.boolean().optional(),
    recvMode: z.enum(RECV_MODES).optional(),
    corruptRate: z.number().finite().min(MP_LIMITS.corruptRate.min).max(MP_LIMITS.corruptRate.max).optional(),
  }),
  z.object({ type: z.literal('mpMutate'), process: id }),
  z.object({
    type: z.literal('rpcSet'),
    byRef: z.boolean().optional(),
    binding: z.enum(BINDINGS).optional(),
    mode: z.enum(CALL_MODES).optional(),
    idleTimeoutUs: z.number().finite().min(MP_LIMITS.idleTimeoutUs.min).max(MP_LIMITS.idleTimeoutUs.max).optional(),
    calls: z.number().int().min(MP_LIMITS.calls.min).max(MP_LIMITS.calls.max).optional(),
  }),
  z.object({ type: z.literal('sunSetDesign'), design: z.enum(SUN_DESIGNS) }),
  z.object({ type: z.literal('sunLoad'), sessions: z.number().int().min(SUN_SESSIONS.min).max(SUN_SESSIONS.max) }),
  z.object({ type: z.literal('sunCaches'), on: z.boolean() }),
  z.object({ type: z.literal('sunFileOp'), node: id, op: z.enum(SUN_FILE_OPS), path: z.string().min(1).max(200) }),
  z.object({ type: z.literal('sunMigrate'), pid: z.number().int().min(0), node: id.optional() }),
]);

/**
 * Checks an untrusted command. Out-of-range numbers come back as the same
 * `outOfRange` error the engine gives, so the UI has one message for both.
 */
export function parseCommand(raw: unknown): { cmd: EngineCommand } | { error: CommandError } {
  const r = commandSchema.safeParse(raw);
  if (r.success) return { cmd: r.data as EngineCommand };
  const issue = r.error.issues[0]!;
  const path = String(issue.path[issue.path.length - 1] ?? 'type');
  // command fields named differently from their limit
  const field = path === 'count' ? 'clients' : path;
  const rawField = path;
  if (field in LIMITS) {
    const lim = LIMITS[field as keyof typeof LIMITS];
    const value = (raw as Record<string, unknown>)[rawField];
    return { error: { code: 'outOfRange', params: { field, value: String(value), min: lim.min, max: lim.max } } };
  }
  if (field in MP_LIMITS) {
    const lim = MP_LIMITS[field as keyof typeof MP_LIMITS];
    return { error: { code: 'outOfRange', params: { field, value: String((raw as Record<string, unknown>)[field]), min: lim.min, max: lim.max } } };
  }
  const type = typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type) : String(raw);
  return { error: { code: 'unknownCommand', params: { type } } };
}

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

/** What the worker exposes (through comlink). */
export interface WorkerApi {
  /** Starts a run; with a cursor (a shared run), replays the log up to it and stops there. */
  load(runId: number, world: WorldSpec, seed: number, log: LoggedCommand[], playing: boolean, speed: number, cursor?: { event: number; us: number }): void;
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
  subscribe(onFrame: (frame: Frame) => void): void;
}
