import { useState } from 'react';
import type { MessageKey } from '../i18n';
import type { StatName } from '../protocol';
import { VARIANTS } from '../scenario/variants';
import { startCompare, stopCompare, useCompare, type ComparePoint } from '../store/compare';
import { seriesPath, type Box } from './charts';
import { useLab } from '../store/labStore';
import { fmtNum, formatClock } from './format';
import { useT } from './useT';

/** Figures worth comparing, when the runs' models report them. */
const FIGURES: { stat: StatName; label: MessageKey; scale?: number }[] = [
  { stat: 'requestsCompleted', label: 'stats.completed' },
  { stat: 'requestsFailed', label: 'stats.failed' },
  { stat: 'latencyP95Us', label: 'stats.p95', scale: 1 / 1000 },
  { stat: 'availability', label: 'compare.availability', scale: 100 },
  { stat: 'bytesPerTx', label: 'compare.bytesPerTx' },
  { stat: 'txHalfDone', label: 'data.halfDone' },
  { stat: 'txRolledBack', label: 'data.rolledBack' },
  { stat: 'invariantViolations', label: 'compare.splitBrain' },
  { stat: 'tasksCompleted', label: 'compare.tasks' },
  { stat: 'messagesDelivered', label: 'stats.delivered' },
];

/** The overlay chart's box (wider than the small multiples of the Charts panel). */
const CHART: Box = { width: 420, height: 120, left: 36, right: 8, top: 8, bottom: 16 };
const W = CHART.width;
const H = CHART.height;

/**
 * Two runs of the same scenario and seed, one setting different, on one
 * clock: the contrast a lesson is about (fat vs thin, failback on vs off,
 * HA vs FT, quorum on vs off, one balancing algorithm vs another), with the
 * figures side by side and one of them overlaid in a chart.
 */
export function ComparePanel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const preset = useLab((s) => s.scenario.preset);
  const aView = useLab((s) => s.panelView);
  const c = useCompare();
  const variants = VARIANTS[preset] ?? [];
  const [choice, setChoice] = useState(variants[0]?.id ?? '');
  const [chart, setChart] = useState<StatName>('requestsCompleted');
  const aStats = aView?.stats ?? {};
  const shown = FIGURES.filter((f) => f.stat in aStats && c.bStats && f.stat in c.bStats);
  const all = [...c.a, ...c.b];
  const t0 = Math.min(...all.map((p) => p.tUs), 0);
  const t1 = Math.max(...all.map((p) => p.tUs), 1);
  const top = Math.max(1e-9, ...all.map((p: ComparePoint) => p.stats[chart] ?? 0));
  return (
    <section className="panel compare" aria-labelledby="compare-title" data-testid="compare-panel">
      <div className="compare-head">
        <h2 id="compare-title">{t('compare.title')}</h2>
        <button
          type="button"
          onClick={() => {
            stopCompare();
            onClose();
          }}
        >
          {t('compare.close')}
        </button>
      </div>
      {variants.length === 0 ? (
        <p className="muted">{t('compare.none')}</p>
      ) : (
        <div className="actions">
          <label>
            <span>{t('compare.variant')} </span>
            <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="compare-variant">
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {t(`compare.v.${v.id}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => startCompare(variants.find((v) => v.id === choice)!)} data-testid="compare-start">
            {t('compare.start')}
          </button>
        </div>
      )}
      {c.variant && (
        <>
          <p className="small">
            {t('compare.runs', { a: formatClock(aView?.nowUs ?? 0), b: formatClock(c.bNowUs), variant: t(`compare.v.${c.variant.id}` as MessageKey) })}
          </p>
          <table className="lb-table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">{t('compare.figure')}</th>
                <th scope="col" className="run-a">{t('compare.a')}</th>
                <th scope="col" className="run-b">{t('compare.b')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.stat}>
                  <th scope="row">
                    <button type="button" className="link-like" aria-pressed={chart === f.stat} onClick={() => setChart(f.stat)}>
                      {t(f.label)}
                    </button>
                  </th>
                  <td className="num" data-testid={`compare-a-${f.stat}`}>{fmtNum((aStats[f.stat] ?? 0) * (f.scale ?? 1), f.scale && f.scale !== 1 ? 1 : 0)}</td>
                  <td className="num" data-testid={`compare-b-${f.stat}`}>{fmtNum((c.bStats?.[f.stat] ?? 0) * (f.scale ?? 1), f.scale && f.scale !== 1 ? 1 : 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <svg width={W} height={H} role="img" aria-label={t('compare.chart', { figure: t(FIGURES.find((f) => f.stat === chart)?.label ?? 'stats.completed') })} className="compare-chart">
            <line x1={CHART.left} x2={W - CHART.right} y1={H - CHART.bottom} y2={H - CHART.bottom} className="axis" />
            <path d={seriesPath(c.a, (p: ComparePoint) => p.stats[chart] ?? 0, [t0 / 1e6, t1 / 1e6], top, CHART)} className="line-a" />
            <path d={seriesPath(c.b, (p: ComparePoint) => p.stats[chart] ?? 0, [t0 / 1e6, t1 / 1e6], top, CHART)} className="line-b" />
            <text x={4} y={12} className="tick">{fmtNum(top * (FIGURES.find((f) => f.stat === chart)?.scale ?? 1))}</text>
            <text x={W - 8} y={H - 2} className="tick" textAnchor="end">{formatClock(t1)}</text>
          </svg>
          <p className="small muted">{t('compare.note')}</p>
        </>
      )}
    </section>
  );
}
