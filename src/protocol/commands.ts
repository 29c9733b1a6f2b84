/**
 * The commands' schema (zod) and the one check every untrusted command goes
 * through. Kept out of index.ts so the page, which only sends commands, does
 * not load zod; the worker and the share documents check with it.
 */
import { z } from 'zod';
import type { CommandError, EngineCommand } from '../engine/commands';
import { CLASSES } from '../labs/clientserver/engine/costModel';
import { FAILBACK_POLICIES } from '../labs/cluster/engine/spec';
import { ALGORITHMS } from '../labs/balancer/engine/spec';
import { JOB_KINDS } from '../labs/parallel/engine/spec';
import { SUN_DESIGNS, SUN_FILE_OPS, SUN_SESSIONS } from '../labs/suncluster/engine/spec';
import { BINDINGS, CALL_MODES, MP_LIMITS, RECV_MODES, SEND_MODES, SERVICES } from '../labs/messaging/engine/spec';
import { LIMITS } from '../engine/limits';
import { PLATFORMS } from '../engine/types';

/** The shape of every command; ranges come from the engine's LIMITS table. Built on the first check, not when the worker starts. */
function buildSchema() {
  const id = z.string().min(1).max(200);
  const range = (k: keyof typeof LIMITS) => z.number().finite().min(LIMITS[k].min).max(LIMITS[k].max);
  return z.discriminatedUnion('type', [
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
      window: z.tuple([z.number().int().min(0).max(23), z.number().int().min(0).max(23)]).optional(),
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
    z.object({ type: z.literal('bondStream'), node: id }),
    z.object({ type: z.literal('setEthernet'), bps: range('bandwidthBps') }),
    z.object({ type: z.literal('setMigration'), on: z.boolean() }),
    z.object({ type: z.literal('setSharedNetwork'), on: z.boolean() }),
    z.object({ type: z.literal('ssiLogin') }),
    z.object({ type: z.literal('ssiTouch'), node: id, page: z.number().int().min(0).max(1000), write: z.boolean() }),
    z.object({ type: z.literal('ssiAdmin') }),
    z.object({ type: z.literal('ssiRead'), node: id, file: z.number().int().min(0).max(1000) }),
    z.object({ type: z.literal('ssiService'), node: id, service: z.number().int().min(0).max(1000) }),
    z.object({ type: z.literal('ssiConsole') }),
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
}

let schema: ReturnType<typeof buildSchema> | null = null;

/** A command as the schema accepts it: the same union as EngineCommand (commands.test.ts checks both ways). */
export type ParsedCommand = z.infer<ReturnType<typeof buildSchema>>;

/**
 * Checks an untrusted command. Out-of-range numbers come back as the same
 * `outOfRange` error the engine gives, so the UI has one message for both.
 */
export function parseCommand(raw: unknown): { cmd: EngineCommand } | { error: CommandError } {
  schema ??= buildSchema();
  const r = schema.safeParse(raw);
  if (r.success) return { cmd: r.data };
  const issue = r.error.issues[0]!;
  if (issue.path[0] === 'window' && typeof issue.path[1] === 'number') {
    // a failback window's hour: named as the cluster names it (FailbackWindowStart/End)
    const value = ((raw as { window?: unknown[] }).window ?? [])[issue.path[1]];
    return { error: { code: 'outOfRange', params: { field: issue.path[1] === 0 ? 'failbackWindowStart' : 'failbackWindowEnd', value: String(value), min: 0, max: 23 } } };
  }
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

