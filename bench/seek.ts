/** Timeline seek time in Node: a 10-minute run played in the worker host, then seeks to scattered moments. */
import { buildWorld, presetScenario, type PresetName } from '../src/scenario/scenario';
import { SimHost } from '../src/worker/host';
import type { Frame, SeekReply } from '../src/protocol';

function report(name: string, value: number, unit: string, extra: Record<string, unknown>): void {
  console.log(`BENCH ${JSON.stringify({ name, value: Number(value.toFixed(1)), unit, ...extra })}`);
}

function seekBench(preset: PresetName, clients?: number): void {
  const scenario = { ...presetScenario(preset, 1), ...(clients ? { clients } : {}) };
  const due: (() => void)[] = [];
  const host = new SimHost({ nowMs: () => performance.now(), schedule: (fn) => void due.push(fn) }, (_f: Frame) => undefined);
  host.load(1, buildWorld(scenario), scenario.seed, [], true, 1000);
  const server = (buildWorld(scenario).nodes.find((n) => n.kind !== 'client' && n.kind !== 'switch') ?? buildWorld(scenario).nodes[0]!).id;
  // play 10 simulated minutes in ticks, crashing and restarting a server on the way
  let events = 0;
  let nowUs = 0;
  const grab = (f: Frame) => ((events = f.view.eventsProcessed), (nowUs = f.view.nowUs));
  (host as unknown as { post: (f: Frame) => void }).post = grab;
  const t0 = performance.now();
  let k = 0;
  while (nowUs < 600_000_000) {
    for (const f of due.splice(0)) f();
    if (due.length === 0) host.play();
    if (++k === 200) host.command(1, { type: 'crashNode', node: server });
    if (k === 400) host.command(2, { type: 'restartNode', node: server });
  }
  const runMs = performance.now() - t0;
  const ran = { events, nowUs };
  host.pause();
  // one seek first so the figures are the steady cost, not the compiler's first pass
  host.seek(1, { us: Math.round(ran.nowUs / 3) });
  const times: number[] = [];
  let fromKeyframe = 0;
  for (let i = 0; i < 20; i++) {
    const target = Math.round((((i * 7919) % 20) / 20 + 0.025) * ran.nowUs);
    const r = host.seek(1, { us: target }) as SeekReply;
    times.push(r.ms);
    if (r.fromKeyframe) fromKeyframe++;
  }
  times.sort((a, b) => a - b);
  const extra = { preset, clients: scenario.clients, events: ran.events, simulatedSeconds: Math.round(ran.nowUs / 1e6), seeks: times.length, fromKeyframe, runWallMs: Math.round(runMs) };
  report('timeline.seekP50', times[Math.floor(times.length / 2)]!, 'ms', extra);
  report('timeline.seekMax', times[times.length - 1]!, 'ms', extra);
}

for (const [p, c] of [['office'], ['thin'], ['cluster'], ['reliable'], ['rpc'], ['balance'], ['thin', 200]] as [PresetName, number?][]) seekBench(p, c);
