/** A hand-driven clock for the host's tests: they decide when ticks happen and how much wall time passes. */
export function fakeClock() {
  let now = 0;
  const due: (() => void)[] = [];
  return {
    clock: { nowMs: () => now, schedule: (fn: () => void) => void due.push(fn) },
    advance(ms: number) {
      now += ms;
      for (const f of due.splice(0)) f();
    },
  };
}
