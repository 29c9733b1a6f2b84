import { createSimulation } from '../engine/createSimulation';
import { LIMITS } from '../engine/limits';
import { applyLogged, replay, type LoggedCommand } from '../engine/replay';
import type { Simulation } from '../engine/sim';
import { topologyView, worldView } from '../engine/view';
import { parseCommand, type CommandError, type CommandReply, type Frame, type WorldSpec } from '../protocol';

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
/** How far behind (in wall ms of simulated time) the run may fall before it stops trying to catch up. */
const MAX_LAG_MS = 250;

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
  private log: LoggedCommand[] = [];
  private logChanged = true;
  private sentTopology = -1;
  private lastWallMs = 0;
  private lagUs = 0;
  private ticking = false;

  constructor(
    private readonly clock: HostClock,
    private readonly post: (frame: Frame) => void,
  ) {}

  /** Starts a run; replies and frames of the previous run stop at once. */
  load(runId: number, world: WorldSpec, seed: number, log: LoggedCommand[], playing: boolean, speed: number): void {
    const sim = createSimulation(world, seed);
    replay(sim, log);
    this.sim = sim;
    this.runId = runId;
    this.log = log.slice();
    this.logChanged = true;
    this.sentTopology = -1;
    this.speed = clampSpeed(speed);
    this.lagUs = 0;
    this.setPlaying(playing);
    this.postFrame();
  }

  play(): void {
    this.setPlaying(true);
  }

  pause(): void {
    this.setPlaying(false);
    this.postFrame();
  }

  /** Processes exactly one event, pausing first. */
  step(): void {
    if (!this.sim) return;
    this.setPlaying(false);
    this.sim.step();
    this.postFrame();
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
    if (!this.sim) return { id, runId: this.runId, ok: false, error: { code: 'unknownCommand', params: { type: 'noRun' } } };
    const parsed = parseCommand(raw);
    if ('error' in parsed) return { id, runId: this.runId, ok: false, error: parsed.error };
    const r = applyLogged(this.sim, parsed.cmd);
    if ('error' in r) return { id, runId: this.runId, ok: false, error: r.error };
    this.log.push(r.entry);
    this.logChanged = true;
    this.postFrame();
    return { id, runId: this.runId, ok: true };
  }

  describeMessage(runId: number, id: number): Record<string, string | number> | null {
    return runId === this.runId && this.sim ? this.sim.describeMessage(id) : null;
  }

  private setPlaying(p: boolean): void {
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
    const elapsedMs = start - this.lastWallMs;
    this.lastWallMs = start;
    const target = sim.nowUs + this.lagUs + Math.round(elapsedMs * 1000 * this.speed);
    while (sim.nowUs < target) {
      sim.runUntil(target, CHUNK);
      if (this.clock.nowMs() - start > BUDGET_MS) break;
    }
    const maxLag = MAX_LAG_MS * 1000 * this.speed;
    this.lagUs = Math.min(Math.max(0, target - sim.nowUs), maxLag);
    this.postFrame();
    this.ticking = true;
    this.clock.schedule(() => this.tick(), Math.max(0, TICK_MS - (this.clock.nowMs() - start)));
  }

  private postFrame(): void {
    const sim = this.sim;
    if (!sim) return;
    const view = worldView(sim);
    const { events, skipped } = sim.trace.drain();
    const frame: Frame = {
      runId: this.runId,
      playing: this.playing,
      speed: this.speed,
      view,
      events,
      hops: sim.drainHops(),
      skippedEvents: skipped,
      commandLog: this.logChanged ? this.log.slice() : null,
      lagUs: this.lagUs,
    };
    if (view.topologyVersion !== this.sentTopology) {
      frame.topology = topologyView(sim);
      this.sentTopology = view.topologyVersion;
    }
    this.logChanged = false;
    this.post(frame);
  }
}

function clampSpeed(s: number): number {
  return Number.isFinite(s) ? Math.min(LIMITS.speed.max, Math.max(LIMITS.speed.min, s)) : 1;
}
