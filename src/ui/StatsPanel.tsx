import { NF, NODE_STRIDE } from '../protocol';
import { select } from '../store/actions';
import { useLab } from '../store/labStore';
import { fmtNum, formatMs, formatPercent } from './format';
import { useT } from './useT';
import type { MessageKey } from '../i18n';

const FIGURES: { stat: string; label: MessageKey; ms?: boolean; testid: string }[] = [
  { stat: 'requestsCompleted', label: 'stats.completed', testid: 'stat-completed' },
  { stat: 'requestsFailed', label: 'stats.failed', testid: 'stat-failed' },
  { stat: 'latencyP50Us', label: 'stats.p50', ms: true, testid: 'stat-p50' },
  { stat: 'latencyP95Us', label: 'stats.p95', ms: true, testid: 'stat-p95' },
  { stat: 'messagesDelivered', label: 'stats.delivered', testid: 'stat-delivered' },
  { stat: 'messagesDropped', label: 'stats.dropped', testid: 'stat-dropped' },
];

/** The live figures: request outcomes, latency percentiles and each machine's utilisation. */
export function StatsPanel() {
  const t = useT();
  const view = useLab((s) => s.panelView);
  const topo = useLab((s) => s.topology);
  if (!view || !topo) return null;
  const busyNodes = topo.nodes.map((n, i) => ({ n, i })).filter(({ n }) => !n.removed && n.kind !== 'switch' && n.kind !== 'client');
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
      <ul className="util-bars">
        {busyNodes.map(({ n, i }) => {
          const u = view.nodes[i * NODE_STRIDE + NF.util] ?? 0;
          return (
            <li key={n.id}>
              <button type="button" className="link-like" onClick={() => select({ kind: 'node', id: n.id })}>
                {n.label}
              </button>
              <span className="bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(u * 100)} aria-label={n.label}>
                <span style={{ width: `${Math.round(u * 100)}%` }} />
              </span>
              <span className="num">{formatPercent(u)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
