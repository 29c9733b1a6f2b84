import { applyCommand, type CommandError, type EngineCommand } from './commands';
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
