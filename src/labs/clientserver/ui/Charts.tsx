import { useMemo } from 'react';
import { useLab, type Sample } from '../../../store/labStore';
import { BOX, chartDefs, formatNumber, formatValue, seriesPath, timeDomain, timeTicks, yMax, yOf, type ChartDef, type Unit } from '../../../ui/charts';
import { useT, type T } from '../../../ui/useT';

/**
 * Five small live charts over simulated time: server and client CPU, network
 * bytes per transaction, response time and throughput (CS-FAT-THIN's costs).
 */
export function Charts() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const history = useLab((s) => s.history);
  const hasServer = useLab((s) => s.topology?.nodes.some((n) => !n.removed && n.kind === 'server') ?? true);
  const hasDb = useLab((s) => s.topology?.nodes.some((n) => !n.removed && n.kind === 'db') ?? true);
  const defs = useMemo(() => chartDefs(hasServer, hasDb), [hasServer, hasDb]);
  const domain = timeDomain(history);
  return (
    <section className="panel charts" aria-labelledby="charts-title">
      <h2 id="charts-title">{t('charts.title')}</h2>
      {history.length === 0 && <p className="muted small">{t('charts.empty')}</p>}
      <div className="charts-grid">
        {defs.map((d) => (
          <Chart key={d.id} def={d} history={history} domain={domain} t={t} lang={lang} />
        ))}
      </div>
    </section>
  );
}

interface ChartProps {
  def: ChartDef;
  history: readonly Sample[];
  domain: [number, number];
  t: T;
  lang: string;
}

function Chart({ def, history, domain, t, lang }: ChartProps) {
  const last = history[history.length - 1];
  const show = (unit: Unit, v: number) => {
    const f = formatValue(unit, v, lang);
    return t(`charts.unit.${f.unit}`, { n: f.n });
  };
  const top = yMax(
    history.flatMap((s) => def.series.map((se) => se.value(s))),
    def.fixedMax,
  );
  const title = t(`charts.${def.id}`);
  let value = '—';
  if (last) {
    // several lines: name each value ("app 73 % · db 12 %"); one line: just its value
    const named = (se: ChartDef['series'][number]) => (se.label ? `${t(`charts.series.${se.label}`)} ${show(def.unit, se.value(last))}` : show(def.unit, se.value(last)));
    const parts = def.series.length > 1 ? def.series.map(named) : [show(def.unit, def.headline(last))];
    if (def.id === 'bytes') parts.push(t('charts.messages', { n: formatNumber(last.messagesPerTx, lang) }));
    value = parts.join(' · ');
  }
  const latest = last ? round(def.headline(last)) : 0;
  const perSeries = Object.fromEntries(def.series.filter((se) => se.label !== null && last).map((se) => [`data-latest-${se.id}`, last ? round(se.value(last)) : 0]));
  const spanS = Math.round(domain[1] - domain[0]);
  const bottom = BOX.height - BOX.bottom;
  return (
    <figure className="chart" data-testid={`chart-${def.id}`} data-latest={latest} {...perSeries}>
      <figcaption>
        <span className="chart-title">{title}</span> <span className="chart-value">{value}</span>
        {def.series.some((se) => se.label !== null) && (
          <span className="chart-legend">
            {def.series.map((se) => (
              <span key={se.id} className="chart-key">
                <span className="chart-swatch" style={{ background: se.colour }} />
                {se.label ? t(`charts.series.${se.label}`) : ''}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      {/* the summary sits on the svg: a figure with a figcaption may not take role="img" */}
      <svg className="chart-svg" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={t('charts.aria', { title, s: spanS, value })} focusable="false">
        <line className="chart-gridline" x1={BOX.left} x2={BOX.width - BOX.right} y1={yOf(top, top)} y2={yOf(top, top)} />
        <line className="chart-gridline" x1={BOX.left} x2={BOX.width - BOX.right} y1={yOf(top / 2, top)} y2={yOf(top / 2, top)} />
        <line className="chart-axis" x1={BOX.left} x2={BOX.width - BOX.right} y1={bottom} y2={bottom} />
        <text className="chart-label" x={BOX.left - 3} y={BOX.top + 3} textAnchor="end">
          {show(def.unit, top)}
        </text>
        <text className="chart-label" x={BOX.left - 3} y={bottom + 3} textAnchor="end">
          0
        </text>
        {history.length > 0 &&
          timeTicks(domain).map((tk) => (
            <text key={tk.s} className="chart-label" x={tk.x} y={BOX.height - 3} textAnchor="middle">
              {t('charts.unit.s', { n: tk.s })}
            </text>
          ))}
        {def.series.map((se) => (
          <path key={se.id} className="chart-line" d={seriesPath(history, se.value, domain, top)} stroke={se.colour} />
        ))}
      </svg>
    </figure>
  );
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
