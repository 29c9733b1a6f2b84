import { createSimulation } from '../engine/createSimulation';
import { advance, forkSimulation, type AdvanceLimits, type LoggedCommand } from '../engine/replay';
import type { Simulation } from '../engine/sim';
import type { SeekTarget, WorldSpec } from '../protocol';

/** A copy of the run at one point, never run itself: seeks fork it and replay from there. */
interface Keyframe {
  event: number;
  us: number;
  trace: number;
  /** Log entries already applied. */
  next: number;
  sim: Simulation;
}

/** What a branch replaced, so undo can bring it back. */
interface Branch {
  log: LoggedCommand[];
  headEvent: number;
  headUs: number;
  keyframes: Keyframe[];
  spacing: number;
  at: { event: number; us: number };
}


/** How a seek went, for the timeline's readout and the benchmark. */
export interface SeekReport {
  ms: number;
  replayedEvents: number;
  /** False when the run had to be replayed from time zero (no keyframe or live run before the target). */
  fromKeyframe: boolean;
}

/** Events between keyframes at first; doubled (and every other keyframe dropped) when there are too many. */
const FIRST_SPACING = 10_000;
const MAX_KEYFRAMES = 40;
/**
 * A keyframe is a deep copy of the run; on a big world it takes tens of ms.
 * After one, the run simulates at least this many times as long before the
 * next, so that keyframes cost a few percent of a skip ahead.
 */
const KEYFRAME_DUTY = 25;
/** But never more than this many wall ms of simulation between keyframes: a seek replays at most about that much. */
const KEYFRAME_MAX_GAP_MS = 120;
const MAX_UNDO = 8;

/**
 * The run's history: the command log of the current branch, how far it has
 * been run (the head), keyframes to seek from, and the branches a change in
 * the past replaced. The live simulation itself belongs to the host.
 */
export class Timeline {
  log: LoggedCommand[] = [];
  /** Entries of `log` already applied to the live simulation. */
  next = 0;
  headEvent = 0;
  headUs = 0;
  private keyframes: Keyframe[] = [];
  /** Wall-clock ms before which no keyframe is taken (see KEYFRAME_DUTY). */
  private keyframeFreeUntilMs = 0;
  private spacing = FIRST_SPACING;
  private forkable = true;
  private undoStack: Branch[] = [];

  constructor(
    private readonly world: WorldSpec,
    private readonly seed: number,
    private readonly nowMs: () => number,
  ) {}

  /** A fresh run at time zero with this log to meet on the way. */
  start(log: LoggedCommand[]): Simulation {
    this.log = log.slice().sort((a, b) => a.atEvent - b.atEvent || a.atUs - b.atUs);
    this.next = 0;
    this.headEvent = 0;
    this.headUs = 0;
    this.keyframes = [];
    this.undoStack = [];
    // no keyframe at time zero: a seek there builds the run afresh, which costs no more than copying one
    this.forkable = true;
    return createSimulation(this.world, this.seed);
  }

  /** Runs the live simulation on, meeting logged commands; notes the head and takes keyframes. */
  run(sim: Simulation, lim: AdvanceLimits): void {
    this.next = advance(sim, this.log, this.next, lim);
    this.progressed(sim);
  }

  /** Appends a command just applied to the live run (see `branchIfPast` first). */
  record(entry: LoggedCommand): void {
    this.log.push(entry);
    this.next = this.log.length;
  }

  /** True when the live run is behind the head: a command now changes the past. */
  inPast(sim: Simulation): boolean {
    return this.next < this.log.length || sim.eventsProcessed < this.headEvent || (sim.eventsProcessed === this.headEvent && sim.nowUs < this.headUs);
  }

  /** Starts a new branch at this point of the live run; the old future goes on the undo stack. */
  branch(at: { event: number; us: number }): void {
    const old = this.log;
    this.log = old.slice(0, this.next);
    this.keyframes = this.keyframes.filter((k) => k.event <= at.event && k.next <= this.next && k.us <= at.us);
    // the old future keeps only the keyframes it shares with the new one (memory); seeks there rebuild the rest
    this.undoStack.push({ log: old, headEvent: this.headEvent, headUs: this.headUs, keyframes: this.keyframes.slice(), spacing: this.spacing, at });
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    this.headEvent = at.event;
    this.headUs = at.us;
  }

  /** Rebuilds a shared run up to its cursor (event count and clock), which becomes the head; `fresh` (the run `start` made) is run on rather than copied. */
  open(cursor: { event: number; us: number }, fresh?: Simulation): Simulation {
    this.headEvent = cursor.event;
    this.headUs = cursor.us;
    const { sim } = this.seek(cursor, fresh);
    sim.nowUs = Math.max(sim.nowUs, cursor.us);
    this.headEvent = sim.eventsProcessed;
    this.headUs = sim.nowUs;
    return sim;
  }

  get undoDepth(): number {
    return this.undoStack.length;
  }

  /** Brings back the future the last branch replaced; returns the run at the branch point. */
  undo(): Simulation | null {
    const b = this.undoStack.pop();
    if (!b) return null;
    this.log = b.log;
    this.headEvent = b.headEvent;
    this.headUs = b.headUs;
    this.keyframes = b.keyframes;
    this.spacing = b.spacing;
    return this.seek({ event: b.at.event, us: b.at.us }).sim;
  }

  /**
   * A simulation at the target, rebuilt from the nearest keyframe before it
   * (or from the start) by deterministic replay. Never past the head.
   */
  seek(target: SeekTarget, live?: Simulation): { sim: Simulation; report: SeekReport } {
    const t0 = this.nowMs();
    const event = Math.min(target.event ?? Infinity, this.headEvent);
    const us = Math.min(target.us ?? Infinity, this.headUs);
    const traceCount = target.traceCount ?? Infinity;
    let kf: Keyframe | undefined;
    for (const k of this.keyframes) if (k.event <= event && k.us <= us && k.trace < traceCount) kf = k;
    // forward from the live run when it is nearer than any keyframe: it is on this branch already
    const onward = live && live.eventsProcessed <= event && live.nowUs <= us && live.trace.count < traceCount && (!kf || live.eventsProcessed >= kf.event);
    const forked = !onward && kf ? forkSimulation(kf.sim) : null;
    const sim = onward ? live : (forked ?? createSimulation(this.world, this.seed));
    let next = onward ? this.next : forked && kf ? kf.next : 0;
    const from = sim.eventsProcessed;
    const lim = { untilEvent: event, untilUs: us, untilTraceCount: traceCount };
    for (;;) {
      const boundary = this.lastKeyframeEvent() + this.spacing;
      const stepLim = this.forkable && sim.eventsProcessed < boundary ? { ...lim, untilEvent: Math.min(event, boundary) } : lim;
      next = advance(sim, this.log, next, stepLim);
      const done = sim.eventsProcessed >= event || sim.trace.count >= traceCount || sim.eventsProcessed < stepLim.untilEvent;
      if (this.forkable && sim.eventsProcessed >= boundary) this.capture(sim, next);
      if (done || stepLim === lim) break;
    }
    // a point given by event and clock (the head, a branch point), or the head by time: the clock
    // stands between that event and the next, so it may go there
    const exact = target.event !== undefined ? sim.eventsProcessed >= event : sim.eventsProcessed >= this.headEvent;
    if (target.us !== undefined && exact) sim.nowUs = Math.max(sim.nowUs, us);
    this.next = next;
    return { sim, report: { ms: this.nowMs() - t0, replayedEvents: sim.eventsProcessed - from, fromKeyframe: forked !== null || !!onward } };
  }

  private progressed(sim: Simulation): void {
    if (sim.eventsProcessed > this.headEvent || (sim.eventsProcessed === this.headEvent && sim.nowUs > this.headUs)) {
      this.headEvent = sim.eventsProcessed;
      this.headUs = sim.nowUs;
    }
    if (!this.forkable || sim.eventsProcessed < this.lastKeyframeEvent() + this.spacing) return;
    const now = this.nowMs();
    if (now < this.keyframeFreeUntilMs) return;
    this.capture(sim, this.next);
    const end = this.nowMs();
    this.keyframeFreeUntilMs = end + Math.min(KEYFRAME_MAX_GAP_MS, KEYFRAME_DUTY * (end - now));
  }

  private lastKeyframeEvent(): number {
    return this.keyframes.length > 0 ? this.keyframes[this.keyframes.length - 1]!.event : 0;
  }

  /** Keeps a copy of the run here; false when the run cannot be copied (then seeks replay from the start). */
  private capture(sim: Simulation, next: number): boolean {
    const last = this.keyframes[this.keyframes.length - 1];
    if (last && last.event >= sim.eventsProcessed) return true;
    const copy = forkSimulation(sim);
    if (!copy) {
      this.forkable = false;
      this.keyframes = [];
      return false;
    }
    this.keyframes.push({ event: sim.eventsProcessed, us: sim.nowUs, trace: sim.trace.count, next, sim: copy });
    if (this.keyframes.length > MAX_KEYFRAMES) {
      this.spacing *= 2;
      this.keyframes = this.keyframes.filter((_, i) => i % 2 === 0);
    }
    return true;
  }
}
