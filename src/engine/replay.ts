import { applyCommand, type CommandError, type EngineCommand } from './commands';
import type { MessageLog } from './messageLog';
import type { Model, ModelContext } from './model';
import type { Simulation } from './sim';

/** A command as the run's log keeps it: applied after `atEvent` events, with the clock at `atUs`. */
export interface LoggedCommand {
  atEvent: number;
  atUs: number;
  cmd: EngineCommand;
}

/**
 * Applies a command now and returns its log entry (or the refusal). The event
 * count, not only the time, pins where it goes: several events can share a
 * microsecond, and replay must land between the same two.
 */
export function applyLogged(sim: Simulation, cmd: EngineCommand): { entry: LoggedCommand } | { error: CommandError } {
  const entry: LoggedCommand = { atEvent: sim.eventsProcessed, atUs: sim.nowUs, cmd };
  const error = applyCommand(sim, cmd);
  return error ? { error } : { entry };
}

/**
 * Replays a command log onto a fresh simulation, then runs on to `untilEvent`
 * events (if given). Same world + seed + log ⇒ same trace hash.
 */
export function replay(sim: Simulation, log: readonly LoggedCommand[], untilEvent?: number): void {
  for (const c of log) {
    while (sim.eventsProcessed < c.atEvent && sim.step());
    sim.nowUs = Math.max(sim.nowUs, c.atUs);
    applyCommand(sim, c.cmd);
  }
  if (untilEvent !== undefined) while (sim.eventsProcessed < untilEvent && sim.step());
}

/** Where a replaying run should stop: the first limit reached wins. */
export interface AdvanceLimits {
  /** Stop once this many events are processed. */
  untilEvent?: number;
  /** Process events up to and including this time, then move the clock there. */
  untilUs?: number;
  /** Stop once the trace holds this many events (to land just after one chosen in the log). */
  untilTraceCount?: number;
  /** Process at most this many events in this call. */
  maxEvents?: number;
}

/**
 * Runs a simulation forward while applying the log entries from index `next`
 * as their event index comes (the same rule as `replay`), so a run rebuilt
 * from any earlier point, or played on from the past, meets the same
 * commands at the same place. Returns the index of the next entry to apply.
 */
export function advance(sim: Simulation, log: readonly LoggedCommand[], next: number, lim: AdvanceLimits): number {
  const untilUs = lim.untilUs ?? Infinity;
  const untilEvent = lim.untilEvent ?? Infinity;
  const untilTrace = lim.untilTraceCount ?? Infinity;
  const maxEvents = lim.maxEvents ?? Infinity;
  let n = 0;
  for (;;) {
    while (next < log.length && log[next]!.atEvent <= sim.eventsProcessed && log[next]!.atUs <= untilUs) {
      const c = log[next++]!;
      sim.nowUs = Math.max(sim.nowUs, c.atUs);
      applyCommand(sim, c.cmd);
    }
    if (sim.eventsProcessed >= untilEvent || sim.trace.count >= untilTrace || n >= maxEvents) return next;
    // a command waits for a later clock: no event comes before it, so the clock may go to the limit
    const waiting = next < log.length && log[next]!.atEvent <= sim.eventsProcessed;
    if (waiting || sim.nextEventUs() > untilUs) {
      if (Number.isFinite(untilUs)) sim.nowUs = Math.max(sim.nowUs, untilUs);
      return next;
    }
    // without a trace limit, run every event before the next command or limit in one go (a skip ahead runs millions)
    const before = next < log.length ? log[next]!.atEvent : Infinity;
    const batch = untilTrace === Infinity ? Math.min(before, untilEvent) - sim.eventsProcessed : 1;
    const ran = sim.runEvents(untilUs, Math.min(batch, maxEvents - n));
    // (none: the queue is empty, so nothing will ever come)
    if (ran === 0) return next;
    n += ran;
  }
}

/**
 * A deep copy of a simulation that runs on independently and identically: a
 * keyframe the timeline can seek from. Returns null when some state cannot be
 * copied faithfully (a model keeps a closure), and the caller replays from the
 * start instead.
 */
export function forkSimulation(sim: Simulation): Simulation | null {
  try {
    return forkUnsafe(sim);
  } catch (e) {
    if (e instanceof Unforkable) return null;
    throw e;
  }
}

class Unforkable extends Error {}

interface SimInternals {
  contexts: ModelContext[];
  makeContext(model: number, m: Model): ModelContext;
}

function forkUnsafe(sim: Simulation): Simulation {
  const memo = new Map<unknown, unknown>();
  const copy = Object.create(Object.getPrototypeOf(sim) as object) as Simulation;
  memo.set(sim, copy);
  const src = sim as unknown as Record<string, unknown>;
  const dst = copy as unknown as Record<string, unknown>;
  // the contexts are closures over the kernel: rebuild them on the copy, after the state they read
  const late = new Set(['contexts', 'models', 'trace', 'recentMessages']);
  for (const key of Object.keys(src)) if (!late.has(key)) dst[key] = deepCopy(src[key], memo);
  dst.trace = sim.trace.clone();
  const internals = sim as unknown as SimInternals;
  const ctxCopies = internals.contexts.map((ctx, i) => {
    const c = (copy as unknown as SimInternals).makeContext.call(copy, i, sim.models[i]!);
    memo.set(ctx, c);
    return c;
  });
  dst.contexts = ctxCopies;
  dst.models = deepCopy(src.models, memo);
  // messages already delivered or dropped never change again: share their payloads, copy only those still travelling
  dst.recentMessages = (src.recentMessages as MessageLog).clone((p) => memo.get(p) ?? p);
  return copy;
}

function deepCopy(v: unknown, memo: Map<unknown, unknown>): unknown {
  if (typeof v === 'function') throw new Unforkable();
  if (typeof v !== 'object' || v === null) return v;
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  if (ArrayBuffer.isView(v)) {
    const out = (v as unknown as { slice(): unknown }).slice();
    memo.set(v, out);
    return out;
  }
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    memo.set(v, out);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = deepCopy(v[i], memo);
    return out;
  }
  if (v instanceof Map) {
    const out = new Map();
    memo.set(v, out);
    for (const [k, x] of v) out.set(deepCopy(k, memo), deepCopy(x, memo));
    return out;
  }
  if (v instanceof Set) {
    const out = new Set();
    memo.set(v, out);
    for (const x of v) out.add(deepCopy(x, memo));
    return out;
  }
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto !== Object.prototype && proto !== null && !isClassInstance(proto)) throw new Unforkable();
  const out = Object.create(proto) as Record<string, unknown>;
  memo.set(v, out);
  const rec = v as Record<string, unknown>;
  for (const key of Object.keys(rec)) out[key] = deepCopy(rec[key], memo);
  return out;
}

/** A prototype made by a class of ours (not a built-in such as Date or a Promise, whose state is hidden). */
const classProtos = new WeakMap<object, boolean>();
function isClassInstance(proto: object): boolean {
  let known = classProtos.get(proto);
  if (known === undefined) {
    known = isOwnClass(proto);
    classProtos.set(proto, known);
  }
  return known;
}

function isOwnClass(proto: object): boolean {
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && !/\[native code\]/.test(Function.prototype.toString.call(ctor));
}
