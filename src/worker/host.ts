import { LIMITS } from '../engine/limits';
import { applyLogged, type LoggedCommand } from '../engine/replay';
import type { Simulation } from '../engine/sim';
import { topologyView, worldView } from '../engine/view';
import type { CommandError, CommandReply, Frame, SeekReply, SeekTarget, WorldSpec } from '../protocol';
import { parseCommand } from '../protocol/commands';
import { Timeline } from './timeline';

/** The wall clock and timer the host runs on, injected so tests can drive it by hand. */
export interface HostClock {
  nowMs(): number;
  schedule(fn: () => void, delayMs: number): void;
}

/** Wall-clock time one tick may spend simulating: well inside a 60 Hz frame. */
const BUDGET_MS = 8;
const TICK_MS = 16;
/** Events between wall-clock checks inside a tick. */
const CHUNK = 4000;
/**
 * Wall time one tick may account for: after a stall (a busy machine, a
 * keyframe being copied) the run falls behind instead of jumping ahead.
 */
const MAX_TICK_MS = 250;
/** How far behind (in wall ms of simulated time) the run may fall before it stops trying to catch up. */
const MAX_LAG_MS = 250;
/** Wall time a skip-ahead slice runs before it posts its progress and lets a message (a cancel) in. */
const SKIP_SLICE_MS = 60;
/** Events a frame after a seek carries, to refill the page's log. */
const PENDING_ON_RESET = 2000;

/**
 * Hosts one simulation: paces it against the wall clock at the chosen speed,
 * applies commands (stamping and logging them), and posts frames. No model
 * logic lives here.
 */
export class SimHost {
  private sim: Simulation | null = null;
  private runId = 0;
  private playing = false;
  private speed = 1;
  private timeline: Timeline | null = null;
  private logChanged = true;
  /** The next frame replaces the page's events (after a seek) instead of adding to them. */
  private resetEvents = false;
  private sentTopology = -1;
  private lastWallMs = 0;
  private lagUs = 0;
  private ticking = false;
  /** The prepared run's first frame, until `begin` posts it. */
  private firstFrame: Frame | null = null;
  /** A skip ahead in progress: simulated as fast as the machine allows, not paced. */
  private skip: { fromUs: number; toUs: number; resume: boolean } | null = null;

  constructor(
    private readonly clock: HostClock,
    private readonly post: (frame: Frame) => void,
    /**
     * Whether the page is ready for another paced frame. A page slower than
     * the worker (a busy machine, a big scenario at high speed) gets fewer
     * frames instead of a growing queue of them; what happened in between
     * still reaches it, since events are drained only into posted frames.
     */
    private readonly ready: () => boolean = () => true,
  ) {}

  /** Starts a run; replies and frames of the previous run stop at once. */
  load(runId: number, world: WorldSpec, seed: number, log: LoggedCommand[], playing: boolean, speed: number, cursor?: { event: number; us: number }): void {
    this.prepare(world, seed, log, cursor);
    this.begin(runId, playing, speed);
  }

  /**
   * Builds a run (replayed to its cursor, if any) without starting it or
   * posting a frame: the worker does this for a shared link before the page
   * asks, and `begin` starts it once the page's own load names the same run.
   */
  prepare(world: WorldSpec, seed: number, log: LoggedCommand[], cursor?: { event: number; us: number }): void {
    this.setPlaying(false);
    const tl = new Timeline(world, seed, () => this.clock.nowMs());
    let sim = tl.start(log);
    if (cursor) {
      sim = tl.open(cursor, sim);
      this.resetEvents = true;
    } else if (log.length > 0) tl.run(sim, { untilEvent: tl.log[tl.log.length - 1]!.atEvent });
    this.timeline = tl;
    this.sim = sim;
    // its first frame (topology, log, and after a cursor the run's memory of events) is made now too: a shared link's run is prepared before the page asks
    this.sendEverythingNext();
    this.firstFrame = this.makeFrame();
  }

  /** Starts the prepared run under this id and posts its first frame. */
  begin(runId: number, playing: boolean, speed: number): void {
    const first = this.firstFrame;
    this.firstFrame = null;
    this.runId = runId;
    this.speed = clampSpeed(speed);
    this.lagUs = 0;
    this.setPlaying(playing);
    if (first) this.post({ ...first, runId, playing: this.playing, speed: this.speed, lagUs: 0 });
    else {
      this.sendEverythingNext();
      this.postFrame();
    }
  }

  /** The next frame carries the topology and the log, as a run's first must. */
  private sendEverythingNext(): void {
    this.logChanged = true;
    this.sentTopology = -1;
  }

  play(): void {
    // during a skip ahead, play and pause say how the run goes on once it is over
    if (this.skip) this.skip.resume = true;
    else this.setPlaying(true);
  }

  pause(): void {
    if (this.skip) this.skip.resume = false;
    else this.setPlaying(false);
    this.postFrame();
  }

  /** Processes exactly one event, pausing first. */
  step(): void {
    if (!this.sim || !this.timeline) return;
    this.setPlaying(false);
    this.timeline.run(this.sim, { maxEvents: 1 });
    this.postFrame();
  }

  /** Moves the run to a point already simulated (pausing): keyframe + deterministic replay. */
  seek(runId: number, target: SeekTarget): SeekReply | null {
    const tl = this.timeline;
    if (runId !== this.runId || !tl) return null;
    this.setPlaying(false);
    const { sim, report } = tl.seek(target, this.sim ?? undefined);
    this.sim = sim;
    this.resetEvents = true;
    this.postFrame();
    return { ...report, eventsProcessed: sim.eventsProcessed, nowUs: sim.nowUs };
  }

  /** Goes back exactly one event. */
  stepBack(runId: number): SeekReply | null {
    const e = this.sim?.eventsProcessed ?? 0;
    return e > 0 ? this.seek(runId, { event: e - 1 }) : null;
  }

  /** Restores the future the last change in the past replaced; the run stays at the branch point. */
  undo(runId: number): boolean {
    const tl = this.timeline;
    if (runId !== this.runId || !tl) return false;
    const sim = tl.undo();
    if (!sim) return false;
    this.setPlaying(false);
    this.sim = sim;
    this.logChanged = true;
    this.resetEvents = true;
    this.postFrame();
    return true;
  }

  /**
   * Runs `byUs` of simulated time ahead as fast as the machine allows, in
   * slices that post progress and let a cancel in; then goes on as before
   * (playing or paused). Every event happens, as it would at any speed.
   */
  skipAhead(runId: number, byUs: number): boolean {
    const sim = this.sim;
    if (runId !== this.runId || !sim || !(byUs > 0)) return false;
    const resume = this.skip?.resume ?? this.playing;
    this.skip = { fromUs: sim.nowUs, toUs: sim.nowUs + byUs, resume };
    // the paced ticks stop while the skip runs (they find `playing` false)
    this.playing = false;
    this.clock.schedule(() => this.skipSlice(), 0);
    return true;
  }

  /** Stops a skip ahead where it has got to. */
  cancelSkip(): void {
    const s = this.skip;
    if (!s) return;
    this.skip = null;
    this.setPlaying(s.resume);
    this.postFrame();
  }

  private skipSlice(): void {
    const s = this.skip;
    const sim = this.sim;
    if (!s || !sim) return;
    const stalled = this.runToward(sim, s.toUs, SKIP_SLICE_MS);
    if (sim.nowUs >= s.toUs || stalled) {
      this.skip = null;
      this.setPlaying(s.resume);
      this.postFrame();
      return;
    }
    if (this.ready()) this.postFrame();
    this.clock.schedule(() => this.skipSlice(), 0);
  }

  setSpeed(speed: number): CommandError | null {
    if (!Number.isFinite(speed) || speed < LIMITS.speed.min || speed > LIMITS.speed.max) {
      return { code: 'outOfRange', params: { field: 'speed', value: String(speed), min: LIMITS.speed.min, max: LIMITS.speed.max } };
    }
    this.speed = speed;
    this.postFrame();
    return null;
  }

  /** Validates and applies a command at the current simulated time; a refusal changes nothing. */
  command(id: number, raw: unknown): CommandReply {
    const tl = this.timeline;
    if (!this.sim || !tl) return { id, runId: this.runId, ok: false, error: { code: 'unknownCommand', params: { type: 'noRun' } } };
    const parsed = parseCommand(raw);
    if ('error' in parsed) return { id, runId: this.runId, ok: false, error: parsed.error };
    // a change in the past starts a new branch; a refused command must not cut the old future
    const past = tl.inPast(this.sim);
    const at = { event: this.sim.eventsProcessed, us: this.sim.nowUs };
    const r = applyLogged(this.sim, parsed.cmd);
    if ('error' in r) return { id, runId: this.runId, ok: false, error: r.error };
    if (past) tl.branch(at);
    tl.record(r.entry);
    this.logChanged = true;
    this.postFrame();
    return { id, runId: this.runId, ok: true };
  }

  describeMessage(runId: number, id: number): Record<string, string | number> | null {
    return runId === this.runId && this.sim ? this.sim.describeMessage(id) : null;
  }

  private setPlaying(p: boolean): void {
    this.skip = null;
    this.playing = p;
    this.lastWallMs = this.clock.nowMs();
    this.lagUs = 0;
    if (p && !this.ticking) {
      this.ticking = true;
      this.clock.schedule(() => this.tick(), TICK_MS);
    }
  }

  /** Advances simulated time by wall time × speed within the budget, then posts a frame. */
  tick(): void {
    this.ticking = false;
    const sim = this.sim;
    if (!sim || !this.playing) return;
    const start = this.clock.nowMs();
    const elapsedMs = Math.min(MAX_TICK_MS, start - this.lastWallMs);
    this.lastWallMs = start;
    const target = sim.nowUs + this.lagUs + Math.round(elapsedMs * 1000 * this.speed);
    this.runToward(sim, target, BUDGET_MS);
    const maxLag = MAX_LAG_MS * 1000 * this.speed;
    this.lagUs = Math.min(Math.max(0, target - sim.nowUs), maxLag);
    if (this.ready()) this.postFrame();
    this.ticking = true;
    this.clock.schedule(() => this.tick(), Math.max(0, TICK_MS - (this.clock.nowMs() - start)));
  }

  /**
   * Runs toward `targetUs` in chunks of events until it gets there or has
   * spent `budgetMs` of wall time (at least one chunk); true when the run
   * cannot move on (nothing left to happen before the target).
   */
  private runToward(sim: Simulation, targetUs: number, budgetMs: number): boolean {
    const start = this.clock.nowMs();
    while (sim.nowUs < targetUs) {
      const before = sim.eventsProcessed;
      this.timeline!.run(sim, { untilUs: targetUs, maxEvents: CHUNK });
      if (sim.eventsProcessed === before && sim.nowUs < targetUs) return true;
      if (this.clock.nowMs() - start > budgetMs) break;
    }
    return false;
  }

  private postFrame(): void {
    // anything posted before the prepared run's start means it has moved on: its first frame is stale
    this.firstFrame = null;
    const frame = this.makeFrame();
    if (frame) this.post(frame);
  }

  private makeFrame(): Frame | null {
    const sim = this.sim;
    if (!sim) return null;
    const view = worldView(sim);
    const tl = this.timeline!;
    const drained = sim.trace.drain();
    const reset = this.resetEvents;
    // after a seek the page's log starts over from what the run remembers before the cursor
    const events = reset ? sim.trace.recentInOrder().slice(-PENDING_ON_RESET) : drained.events;
    const skipped = reset ? 0 : drained.skipped;
    const hops = sim.drainHops();
    const frame: Frame = {
      runId: this.runId,
      playing: this.playing,
      speed: this.speed,
      view,
      events,
      hops: reset ? new Float64Array(0) : hops,
      skippedEvents: skipped,
      commandLog: this.logChanged ? tl.log.slice() : null,
      lagUs: this.lagUs,
      skip: this.skip ? { fromUs: this.skip.fromUs, toUs: this.skip.toUs } : null,
      timeline: { headUs: tl.headUs, headEvent: tl.headEvent, undoDepth: tl.undoDepth, ahead: tl.log.length - tl.next },
    };
    if (reset) frame.reset = true;
    this.resetEvents = false;
    if (view.topologyVersion !== this.sentTopology) {
      frame.topology = topologyView(sim);
      this.sentTopology = view.topologyVersion;
    }
    this.logChanged = false;
    return frame;
  }
}

function clampSpeed(s: number): number {
  return Number.isFinite(s) ? Math.min(LIMITS.speed.max, Math.max(LIMITS.speed.min, s)) : 1;
}
