import { NF, NODE_STRIDE, type StatName } from '../protocol';
import { select } from '../store/actions';
import { useLab } from '../store/labStore';
import { fmtNum, formatMs, formatPercent } from './format';
import { useT } from './useT';
import type { MessageKey } from '../i18n';

const FIGURES: { stat: StatName; label: MessageKey; ms?: boolean; testid: string }[] = [
  { stat: 'requestsCompleted', label: 'stats.completed', testid: 'stat-completed' },
  { stat: 'requestsFailed', label: 'stats.failed', testid: 'stat-failed' },
  { stat: 'latencyP50Us', label: 'stats.p50', ms: true, testid: 'stat-p50' },
  { stat: 'latencyP95Us', label: 'stats.p95', ms: true, testid: 'stat-p95' },
  { stat: 'messagesDelivered', label: 'stats.delivered', testid: 'stat-delivered' },
  { stat: 'messagesDropped', label: 'stats.dropped', testid: 'stat-dropped' },
];

/** Machines shown with a bar each; more than this and only the busiest are. */
const MAX_BARS = 16;

/** The live figures: request outcomes, latency percentiles and each machine's utilisation. */
export function StatsPanel() {
  const t = useT();
  const view = useLab((s) => s.panelView);
  const topo = useLab((s) => s.topology);
  if (!view || !topo) return null;
  const all = topo.nodes.map((n, i) => ({ n, i, u: view.nodes[i * NODE_STRIDE + NF.util] ?? 0 })).filter(({ n }) => !n.removed && n.kind !== 'switch' && n.kind !== 'client');
  // a thousand bars would make the page metres long: past a screenful, the busiest ones and the mean
  const many = all.length > MAX_BARS;
  const busyNodes = many ? [...all].sort((a, b) => b.u - a.u || a.i - b.i).slice(0, MAX_BARS) : all;
  const mean = all.reduce((sum, x) => sum + x.u, 0) / Math.max(1, all.length);
  return (
    <section className="panel stats" aria-labelledby="stats-title">
      <h2 id="stats-title">{t('stats.title')}</h2>
      <dl className="figures">
        {/* only the figures this world's models report (a Beowulf has no requests) */}
        {FIGURES.filter((f) => f.stat in view.stats).map((f) => {
          const v = view.stats[f.stat] ?? 0;
          return (
            <div key={f.stat} className={f.stat === 'requestsFailed' && v > 0 ? 'figure bad' : 'figure'}>
              <dt>{t(f.label)}</dt>
              <dd data-testid={f.testid} data-value={v}>
                {f.ms ? `${formatMs(v)} ms` : fmtNum(v)}
              </dd>
            </div>
          );
        })}
      </dl>
      <h3>{t('stats.util')}</h3>
      {many && <p className="small muted" data-testid="util-top">{t('stats.utilTop', { shown: fmtNum(MAX_BARS), n: fmtNum(all.length), mean: formatPercent(mean) })}</p>}
      <ul className="util-bars">
        {busyNodes.map(({ n, u }) => (
          <li key={n.id}>
            <button type="button" className="link-like" onClick={() => select({ kind: 'node', id: n.id })}>
              {n.label}
            </button>
            <span className="bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(u * 100)} aria-label={n.label}>
              <span style={{ width: `${Math.round(u * 100)}%` }} />
            </span>
            <span className="num">{formatPercent(u)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
