import { unpackEvents, type PackedEvents } from '../protocol/events';
import type { TraceEvent } from '../protocol';

/**
 * Events received but not yet in the store: frames come up to 60 times a
 * second, the log and the panels follow at most ten times a second, so the
 * packs wait here (only as many as the log keeps) and become objects once,
 * when they join the store.
 */
export class PendingEvents {
  private packs: PackedEvents[] = [];
  private count = 0;
  private skipped = 0;

  constructor(private readonly keep: number) {}

  add(p: PackedEvents, skipped: number): void {
    this.skipped += skipped;
    if (p.count === 0) return;
    this.packs.push(p);
    this.count += p.count;
    // older packs no longer reach the newest `keep` events
    while (this.count - this.packs[0]!.count >= this.keep) this.count -= this.packs.shift()!.count;
  }

  get empty(): boolean {
    return this.count === 0 && this.skipped === 0;
  }

  /** The store's events with the waiting ones added (the newest `keep`), and its skipped count with theirs. */
  take(events: TraceEvent[], skippedEvents: number): { events: TraceEvent[]; skippedEvents: number } {
    let cut = Math.max(0, this.count - this.keep);
    const fresh: TraceEvent[] = [];
    for (const p of this.packs) {
      const from = Math.min(cut, p.count);
      cut -= from;
      for (const e of unpackEvents(p, from)) fresh.push(e);
    }
    const merged = fresh.length >= this.keep ? fresh : events.concat(fresh);
    const out = { events: merged.length > this.keep ? merged.slice(-this.keep) : merged, skippedEvents: skippedEvents + this.skipped };
    this.clear();
    return out;
  }

  clear(): void {
    this.packs = [];
    this.count = 0;
    this.skipped = 0;
  }
}
