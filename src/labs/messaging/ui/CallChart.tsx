import { useT } from '../../../ui/useT';

const W = 320;
const BAR = 22;

/** Total completion time of the latest synchronous and asynchronous batch of N calls, as two bars (RPC-SYNC vs RPC-ASYNC). */
export function CallChart({ batches }: { batches: { async: boolean; n: number; us: number }[] }) {
  const t = useT();
  const sync = [...batches].reverse().find((b) => !b.async);
  const async = [...batches].reverse().find((b) => b.async);
  const n = (sync ?? async)?.n ?? 0;
  const max = Math.max(sync?.us ?? 0, async?.us ?? 0, 1);
  const rows = [
    { key: 'sync', b: sync, label: t('rpc.mode.sync'), color: '#b45309' },
    { key: 'async', b: async, label: t('rpc.mode.async'), color: '#0f766e' },
  ];
  return (
    <figure className="rpc-chart" data-testid="rpc-chart">
      <figcaption>{t('rpc.chart', { n })}</figcaption>
      {!sync && !async ? (
        <p className="muted small">{t('rpc.chartEmpty')}</p>
      ) : (
        <svg width={W + 150} height={rows.length * (BAR + 8)} role="img" aria-label={t('rpc.chartAria', { n, sync: sync ? Math.round(sync.us / 1000) : '—', async: async ? Math.round(async.us / 1000) : '—' })}>
          {rows.map((r, i) => {
            const w = r.b ? Math.max(2, (r.b.us / max) * W) : 0;
            const y = i * (BAR + 8);
            return (
              <g key={r.key} data-testid={`rpc-bar-${r.key}`} data-ms={r.b ? Math.round(r.b.us / 1000) : ''}>
                <text x={0} y={y + BAR * 0.7} fontSize={12} fill="#0f172a">{r.label}</text>
                <rect x={100} y={y} width={w} height={BAR} fill={r.color} rx={3} />
                <text x={100 + w + 6} y={y + BAR * 0.7} fontSize={12} fill="#0f172a">{r.b ? `${Math.round(r.b.us / 1000)} ms` : '—'}</text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
