/**
 * The charts' pure maths: which series each chart draws, scales, SVG path
 * strings (d3 computes them; React draws them), ticks and number formatting.
 */
import { line, scaleLinear } from 'd3';
import type { Sample } from '../store/labStore';
import { numberFormat } from '../i18n/numberFormat';

/** The five charts. */
export type ChartId = 'serverUtil' | 'clientUtil' | 'bytes' | 'latency' | 'throughput';

/** What a chart's numbers measure (values are already in these units). */
export type Unit = 'pct' | 'ms' | 'bytes' | 'txs';

/** A unit as shown: the catalogue suffix of `charts.unit.*`. */
export type UnitKey = 'pct' | 'ms' | 'B' | 'kB' | 'MB' | 'txs' | 's';

/** A series' name in the legend: the suffix of `charts.series.*`. */
export type SeriesLabel = 'app' | 'db' | 'p50' | 'p95';

/** One line of a chart. */
export interface Series {
  id: 'app' | 'db' | 'host' | 'client' | 'bytes' | 'p50' | 'p95' | 'throughput';
  colour: string;
  /** The value in the chart's unit. */
  value: (s: Sample) => number;
  /** Its name in the legend, or null when the chart has only this line. */
  label: SeriesLabel | null;
}

/** One chart: its lines, and the headline value (the one in the title and `data-latest`). */
export interface ChartDef {
  id: ChartId;
  unit: Unit;
  /** Fixed top of the y axis (percentages); otherwise it follows the data. */
  fixedMax?: number;
  series: Series[];
  headline: (s: Sample) => number;
}

/** The drawing box of every chart, in SVG user units. */
export const BOX = { width: 220, height: 90, left: 38, right: 8, top: 8, bottom: 16 } as const;

/** A chart's drawing box: size and the margins left for the axes. */
export type Box = { readonly [K in keyof typeof BOX]: number };

// colours match the graph's machine dots and stay AA-legible on white
const COLOURS = { app: '#7c3aed', db: '#b45309', client: '#0369a1', bytes: '#0f766e', p50: '#0369a1', p95: '#b91c1c', throughput: '#15803d' } as const;

const pct = (x: number) => x * 100;
const ms = (us: number) => us / 1000;

/**
 * The charts for a topology. The server chart draws one line per server
 * machine: app and db, or just the central host / the database server when
 * the other does not exist (the engine then reports the same machine twice).
 */
export function chartDefs(hasServer: boolean, hasDb: boolean): ChartDef[] {
  const server: Series[] = [];
  if (hasServer) server.push({ id: hasDb ? 'app' : 'host', colour: COLOURS.app, value: (s) => pct(s.appUtil), label: hasDb ? 'app' : null });
  if (hasDb) server.push({ id: 'db', colour: COLOURS.db, value: (s) => pct(s.dbUtil), label: hasServer ? 'db' : null });
  return [
    { id: 'serverUtil', unit: 'pct', fixedMax: 100, series: server, headline: (s) => pct(s.serverUtil) },
    { id: 'clientUtil', unit: 'pct', fixedMax: 100, series: [{ id: 'client', colour: COLOURS.client, value: (s) => pct(s.clientUtil), label: null }], headline: (s) => pct(s.clientUtil) },
    { id: 'bytes', unit: 'bytes', series: [{ id: 'bytes', colour: COLOURS.bytes, value: (s) => s.bytesPerTx, label: null }], headline: (s) => s.bytesPerTx },
    {
      id: 'latency',
      unit: 'ms',
      series: [
        { id: 'p50', colour: COLOURS.p50, value: (s) => ms(s.p50Us), label: 'p50' },
        { id: 'p95', colour: COLOURS.p95, value: (s) => ms(s.p95Us), label: 'p95' },
      ],
      headline: (s) => ms(s.p50Us),
    },
    { id: 'throughput', unit: 'txs', series: [{ id: 'throughput', colour: COLOURS.throughput, value: (s) => s.throughput, label: null }], headline: (s) => s.throughput },
  ];
}

/** The x domain in simulated seconds: first to last sample, at least one second wide. */
export function timeDomain(samples: readonly Sample[]): [number, number] {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last) return [0, 1];
  const a = first.tUs / 1e6;
  return [a, Math.max(a + 1, last.tUs / 1e6)];
}

/** The top of the y axis: fixed, or the data's maximum rounded up to a nice number (never 0). */
export function yMax(values: readonly number[], fixedMax?: number): number {
  if (fixedMax !== undefined) return fixedMax;
  const m = values.reduce((a, v) => (Number.isFinite(v) && v > a ? v : a), 0);
  if (m <= 0) return 1;
  return scaleLinear().domain([0, m]).nice(4).domain()[1] ?? m;
}

/** The SVG path of one series over the drawing box ('' when there is nothing to draw). */
export function seriesPath<S extends { tUs: number } = Sample>(samples: readonly NoInfer<S>[], value: (s: S) => number, xDomain: readonly [number, number], top: number, box: Box = BOX): string {
  if (samples.length === 0) return '';
  const x = scaleLinear().domain(xDomain).range([box.left, box.width - box.right]);
  const y = scaleLinear().domain([0, top]).range([box.height - box.bottom, box.top]).clamp(true);
  const path = line<S>()
    .defined((s) => Number.isFinite(value(s)))
    .x((s) => x(s.tUs / 1e6))
    .y((s) => y(value(s)));
  // one sample draws a dot-sized segment rather than nothing
  const pts = samples.length === 1 ? [samples[0]!, samples[0]!] : samples;
  return path(pts) ?? '';
}

/** At most `count` whole-second ticks inside the domain, with their x positions in the box. */
export function timeTicks(domain: readonly [number, number], count = 3): { s: number; x: number }[] {
  const x = scaleLinear().domain(domain).range([BOX.left, BOX.width - BOX.right]);
  return x
    .ticks(count)
    .filter((s) => Number.isInteger(s))
    .slice(0, count + 1)
    .map((s) => ({ s, x: x(s) }));
}

/** A number for people: grouped and with precision that shrinks as it grows. */
export function formatNumber(v: number, lang: string): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  const digits = a === 0 || a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return numberFormat(lang, 0, digits).format(v);
}

/** A value in a chart's unit as a number text and a unit key; bytes scale to kB or MB. */
export function formatValue(unit: Unit, v: number, lang: string): { n: string; unit: UnitKey } {
  switch (unit) {
    case 'pct':
      return { n: numberFormat(lang, undefined, 0).format(v), unit: 'pct' };
    case 'ms':
      return { n: formatNumber(v, lang), unit: 'ms' };
    case 'txs':
      return { n: formatNumber(v, lang), unit: 'txs' };
    case 'bytes':
      if (Math.abs(v) >= 1e6) return { n: formatNumber(v / 1e6, lang), unit: 'MB' };
      if (Math.abs(v) >= 1e3) return { n: formatNumber(v / 1e3, lang), unit: 'kB' };
      return { n: numberFormat(lang, undefined, 0).format(v), unit: 'B' };
  }
}

/** The y position of a value in the box, for gridlines and labels. */
export function yOf(v: number, top: number): number {
  return scaleLinear().domain([0, top]).range([BOX.height - BOX.bottom, BOX.top])(v);
}
