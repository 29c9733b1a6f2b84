/**
 * The floor the issue measures the engine against: a bare event loop on a
 * binary heap, each event scheduling the next at a pseudo-random delay, with
 * no model, network or trace. Timed beside the engine, it tells a slow
 * machine from slow code: the ratio of the two barely moves when the machine
 * does.
 */
export function bareLoopEventsPerSecond(events: number): number {
  const times = new Float64Array(1 << 12);
  let n = 0;
  const push = (t: number) => {
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p]! <= t) break;
      times[i] = times[p]!;
      i = p;
    }
    times[i] = t;
  };
  const pop = (): number => {
    const top = times[0]!;
    const last = times[--n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && times[c + 1]! < times[c]!) c++;
      if (last <= times[c]!) break;
      times[i] = times[c]!;
      i = c;
    }
    times[i] = last;
    return top;
  };
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
  for (let i = 0; i < 1000; i++) push(next() % 1_000_000);
  const t0 = performance.now();
  for (let k = 0; k < events; k++) push(pop() + 1 + (next() % 10_000));
  return events / ((performance.now() - t0) / 1000);
}
