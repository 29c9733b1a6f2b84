/**
 * Checks evidence against what a run does: fed every trace event and a
 * sample of the figures and model states at chosen moments, it says which
 * evidence was shown and what was seen instead. Pure: the test drives the
 * engine and feeds it.
 */
import { RESOURCE_STATES, type TraceEvent } from '../../protocol';
import { conditionHolds, type Observation } from '../goals';
import type { Op } from '../types';
import type { Evidence, NodeRef, Sample, When } from './types';

const ONLINE = RESOURCE_STATES.indexOf('online');

function matches(ref: NodeRef | undefined, id: string | undefined): boolean {
  if (ref === undefined) return true;
  if (id === undefined) return false;
  return typeof ref === 'string' ? ref === id : ref.test(id);
}

function compare(a: number, op: Op, b: number): boolean {
  return op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b;
}

const inWindow = (w: [number, number] | undefined, tUs: number) => w === undefined || (tUs >= w[0] * 1e6 && tUs <= w[1] * 1e6);

/** Where a cluster group is fully online, as the lessons' observation sees it. */
function observation(s: Sample): Observation {
  const cluster = s.models.cluster;
  const groups = (cluster?.groups ?? []).map((g) => ({
    id: g.id,
    onlineOn: g.states.flatMap((rs, m) => (rs.length > 0 && rs.every((x) => x === ONLINE) ? [s.ids[cluster!.nodes[m]!]!] : [])),
  }));
  return { runId: 1, nowUs: s.nowUs, stats: s.stats, up: {}, groups, commands: [] };
}

/** A short text for an evidence item, for the failure report. */
export function describeEvidence(e: Evidence): string {
  if (e.kind === 'state') return `state "${e.says}"${e.at === undefined ? '' : ` at ${String(e.at)}`}`;
  return JSON.stringify(e, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v));
}

/** The moments a list of evidence wants sampled (seconds), besides the end; `ever` asks for every second. */
export function samplingOf(show: readonly Evidence[]): { at: number[]; everySecond: boolean } {
  const at = new Set<number>();
  let everySecond = false;
  for (const e of show) {
    if (e.kind === 'event' || e.kind === 'message') continue;
    if (typeof e.at === 'number') at.add(e.at);
    if (e.at === 'ever') everySecond = true;
  }
  return { at: [...at].sort((a, b) => a - b), everySecond };
}

/** Watches one run for a list of evidence. */
export class Watcher {
  private readonly counts: number[];
  private readonly held: boolean[];
  private readonly checked: boolean[];
  private readonly last: string[];
  /** The event and message evidence, by the trace type it looks at. */
  private readonly byType = new Map<string, number[]>();

  constructor(readonly show: readonly Evidence[]) {
    show.forEach((ev, i) => {
      const type = ev.kind === 'event' ? ev.type : ev.kind === 'message' ? 'messageDelivered' : null;
      if (type) this.byType.set(type, [...(this.byType.get(type) ?? []), i]);
    });
    this.counts = show.map(() => 0);
    this.held = show.map(() => false);
    this.checked = show.map(() => false);
    this.last = show.map(() => '');
  }

  /** One trace event; `ids` names nodes by index, `describe` says what a message carries (null when forgotten). */
  event(e: TraceEvent, ids: readonly string[], describe: (msg: number) => Record<string, string | number> | null): void {
    for (const i of this.byType.get(e.type) ?? []) this.match(i, e, ids, describe);
  }

  private match(i: number, e: TraceEvent, ids: readonly string[], describe: (msg: number) => Record<string, string | number> | null): void {
    const ev = this.show[i]!;
    if (ev.kind === 'event') {
      if (!inWindow(ev.during, e.t) || !matches(ev.node, ids[e.node]) || !matches(ev.peer, ids[e.peer])) return;
      const f = ev.fields ?? {};
      for (const k of Object.keys(f) as (keyof typeof f)[]) {
        const want = f[k]!;
        if (typeof want === 'number' ? e[k] !== want : e[k] < want[0] || e[k] > want[1]) return;
      }
    } else if (ev.kind === 'message') {
      if (e.b !== ev.msgKind || !inWindow(ev.during, e.t) || !matches(ev.from, ids[e.peer]) || !matches(ev.to, ids[e.node])) return;
      if (ev.carries) {
        // enough seen and no ceiling: no need to ask what the rest carry
        if (ev.max === undefined && this.counts[i]! >= (ev.min ?? 1)) return;
        const d = describe(e.msg);
        if (!d) return;
        for (const [k, want] of Object.entries(ev.carries)) {
          const got = d[k];
          if (got === undefined || (want instanceof RegExp ? !want.test(String(got)) : got !== want)) return;
        }
      }
    } else return;
    this.counts[i]!++;
  }

  /** A sample at a moment; `final` when the run has ended. */
  sample(s: Sample, final: boolean): void {
    const sec = s.nowUs / 1e6;
    let obs: Observation | null = null;
    this.show.forEach((ev, i) => {
      if (ev.kind === 'event' || ev.kind === 'message') return;
      const at: When = ev.at ?? 'end';
      const due = at === 'ever' || (at === 'end' ? final : Math.abs(at - sec) < 1e-6);
      if (!due || this.held[i]) return;
      this.checked[i] = true;
      let ok: boolean;
      if (ev.kind === 'stat') {
        obs ??= observation(s);
        ok = conditionHolds(ev, obs, obs);
        this.last[i] = `${ev.stat} = ${s.stats[ev.stat]} at ${sec} s`;
      } else if (ev.kind === 'compare') {
        ok = ev.left in s.stats && ev.right in s.stats && compare(s.stats[ev.left]!, ev.op, s.stats[ev.right]!);
        this.last[i] = `${ev.left} = ${s.stats[ev.left]}, ${ev.right} = ${s.stats[ev.right]} at ${sec} s`;
      } else if (ev.kind === 'groupOnline') {
        obs ??= observation(s);
        ok = conditionHolds(ev, obs, obs);
        this.last[i] = `${ev.group} online on [${obs.groups.find((g) => g.id === ev.group)?.onlineOn.join(', ') ?? '?'}] at ${sec} s`;
      } else {
        // a model that is missing, or a snapshot without the fields read, does not show the state
        try {
          ok = ev.holds(s);
          this.last[i] = `not so at ${sec} s`;
        } catch (err) {
          ok = false;
          this.last[i] = `could not be read at ${sec} s (${String(err)})`;
        }
      }
      if (ok) this.held[i] = true;
    });
  }

  /** The evidence not shown (its index in `show`), each with what was seen instead. */
  failures(): { index: number; text: string }[] {
    const out: { index: number; text: string }[] = [];
    this.show.forEach((ev, index) => {
      if (ev.kind === 'event' || ev.kind === 'message') {
        const n = this.counts[index]!;
        const min = ev.min ?? (ev.max === undefined ? 1 : 0);
        if (n < min || (ev.max !== undefined && n > ev.max)) out.push({ index, text: `${describeEvidence(ev)}: seen ${n} times` });
      } else if (!this.held[index]) out.push({ index, text: `${describeEvidence(ev)}: ${this.checked[index] ? this.last[index] : 'never sampled (is its moment inside the run?)'}` });
    });
    return out;
  }
}
