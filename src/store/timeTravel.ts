import type { SeekReply, SeekTarget, TraceEvent } from '../protocol';
import { useLab, worker } from './labStore';

let inFlight = false;
let pending: SeekTarget | null = null;

/**
 * Moves the run to a point already simulated. While a seek is running, only
 * the newest request waits (dragging the timeline sends many), so the worker
 * never falls behind the pointer.
 */
export function seekTo(target: SeekTarget): void {
  useLab.setState({ playing: false });
  if (inFlight) {
    pending = target;
    return;
  }
  void runSeek(target);
}

async function runSeek(target: SeekTarget): Promise<void> {
  const c = worker();
  if (!c) return;
  inFlight = true;
  try {
    const reply: SeekReply | null = await c.api.seek(useLab.getState().runId, target);
    if (reply) useLab.setState({ lastSeekMs: reply.ms });
  } finally {
    inFlight = false;
  }
  const next = pending;
  pending = null;
  if (next) await runSeek(next);
}

/** Goes back exactly one event. */
export function stepBack(): void {
  const c = worker();
  if (!c) return;
  useLab.setState({ playing: false });
  void c.api.stepBack(useLab.getState().runId).then((r) => {
    if (r) useLab.setState({ lastSeekMs: r.ms });
  });
}

/** Brings back the future that the last change in the past replaced. */
export function undoBranch(): void {
  useLab.setState({ playing: false });
  void worker()?.api.undo(useLab.getState().runId);
}

/** Goes to the moment just after an event chosen in the log. */
export function jumpToEvent(e: TraceEvent): void {
  seekTo({ traceCount: e.seq + 1 });
}
