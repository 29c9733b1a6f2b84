import { useLab } from '../../../store/labStore';
import { NODE_AVAILABILITY, scaleRows } from './scale';
import { useT } from '../../../ui/useT';
import { numberFormat } from '../../../i18n/numberFormat';

const W = 260;
const H = 110;
const PAD = { left: 36, right: 8, top: 8, bottom: 20 };

/**
 * Throughput measured at each pool size (bars), with the availability and
 * price that size implies: the case for clusters (CL-SCALE-ABS, CL-SCALE-INC,
 * CL-HA, CL-PRICE), and where the interconnect stops it (CL-NET-BOTTLENECK).
 */
export function ScalePanel() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const snap = useLab((s) => s.panelView?.models.balancer);
  const nowUs = useLab((s) => s.panelView?.nowUs ?? 0);
  if (!snap) return null;
  const rows = scaleRows(snap.epochs, nowUs);
  const measured = rows.filter((r) => r.throughput !== null);
  const top = Math.max(1, ...measured.map((r) => r.throughput!));
  const maxNodes = Math.max(1, ...rows.map((r) => r.nodes));
  const bw = (W - PAD.left - PAD.right) / maxNodes;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top);
  const num = (v: number, d = 0) => numberFormat(lang, d, d).format(v);
  // as many decimals as the nines need, up to six; past that it is "more than 99.999999 %"
  const availability = (a: number) => (1 - a < 1e-8 ? `> ${num(99.999999, 6)} %` : `${num(a * 100, Math.min(6, Math.max(2, Math.ceil(-Math.log10(1 - a)) - 2)))} %`);
  return (
    <section className="panel scale" aria-labelledby="scale-title" data-testid="scale-panel">
      <h2 id="scale-title">{t('lb.scale.title')}</h2>
      {measured.length === 0 ? (
        <p className="muted small">{t('lb.scale.empty')}</p>
      ) : (
        <svg width={W} height={H} role="img" aria-label={t('lb.scale.chart', { list: measured.map((r) => `${r.nodes}: ${num(r.throughput!)}`).join(', ') })}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
          <text x={PAD.left - 4} y={y(top) + 4} className="tick" textAnchor="end">
            {num(top)}
          </text>
          <text x={PAD.left - 4} y={y(0)} className="tick" textAnchor="end">
            0
          </text>
          {rows.map((r) => (
            <g key={r.nodes}>
              {r.throughput !== null && <rect x={PAD.left + (r.nodes - 1) * bw + 2} y={y(r.throughput)} width={Math.max(2, bw - 4)} height={y(0) - y(r.throughput)} className="bar-fill" />}
              <text x={PAD.left + (r.nodes - 0.5) * bw} y={H - 6} className="tick" textAnchor="middle">
                {r.nodes}
              </text>
            </g>
          ))}
        </svg>
      )}
      <table className="scale-table" data-testid="scale-table">
        <thead>
          <tr>
            <th scope="col">{t('lb.scale.nodes')}</th>
            <th scope="col">{t('lb.scale.throughput')}</th>
            <th scope="col">{t('lb.scale.availability')}</th>
            <th scope="col">{t('lb.scale.cluster')}</th>
            <th scope="col">{t('lb.scale.smp')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.nodes}>
              <th scope="row">{r.nodes}</th>
              <td className="num" data-testid={`scale-tput-${r.nodes}`}>
                {r.throughput !== null ? num(r.throughput) : r.over ? t('lb.scale.notMeasured') : t('lb.scale.measuring')}
              </td>
              <td className="num">{availability(r.availability)}</td>
              <td className="num">{num(r.clusterPrice, 1)}</td>
              <td className="num">{num(r.smpPrice, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {snap.storage && <p className="small muted">{t('lb.scale.sameLink')}</p>}
      <p className="small muted">{t('lb.scale.note', { a: num(NODE_AVAILABILITY * 100) })}</p>
    </section>
  );
}
