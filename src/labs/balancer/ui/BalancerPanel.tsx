import { ALGORITHMS, LF, LINK_STRIDE, NF, NODE_STRIDE, SERVER_STATES, type Algorithm } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, formatPercent, nodeLabel } from '../../../ui/format';
import { useT } from '../../../ui/useT';

export type { BalancerSnapshot } from '../../../protocol';

/** Interconnect speeds a person can pick (CL-NET-BOTTLENECK). */
const INTERCONNECTS = [10e6, 100e6, 1e9];

/**
 * The dispatcher at a glance: the algorithm (switchable, with what it does),
 * who holds the service address, and every service node's health, weight,
 * open connections, rate and CPU, with drain and add controls.
 */
export function BalancerPanel() {
  const t = useT();
  const snap = useLab((s) => s.panelView?.models.balancer);
  const view = useLab((s) => s.panelView);
  const topo = useLab((s) => s.topology);
  if (!snap || !view) return null;
  const stats = view.stats;
  const up = (n: number) => (view.nodes[n * NODE_STRIDE + NF.up] ?? 0) > 0;
  const cpu = (n: number) => view.nodes[n * NODE_STRIDE + NF.util] ?? 0;
  const totalRate = snap.backends.reduce((s, b) => s + b.rate, 0) || 1;
  const icLink = topo?.links.findIndex((l) => l.id === snap.interconnectLinks[0]) ?? -1;
  const icBps = icLink >= 0 ? (view.links[icLink * LINK_STRIDE + LF.bandwidthBps] ?? 0) : 0;
  const icUtil = stats.interconnectUtil ?? 0;
  return (
    <section className="panel balancer" aria-labelledby="lb-title" data-testid="balancer-panel">
      <h2 id="lb-title">{t('lb.title')}</h2>
      <label className="field">
        <span>{t('lb.algorithm')} </span>
        <select value={snap.algorithm} onChange={(e) => void sendCommand({ type: 'setAlgorithm', algorithm: e.target.value as Algorithm })} data-testid="lb-algorithm">
          {ALGORITHMS.map((a) => (
            <option key={a} value={a}>
              {t(`lb.alg.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">{t(`lb.help.${snap.algorithm}`)}</p>
      <p data-testid="lb-success">{t('lb.success', { pct: fmtNum((stats.successRate ?? 1) * 100, 1), refused: stats.requestsRefused ?? 0 })}</p>
      <h3>{t('lb.dispatchers')}</h3>
      <ul className="plain" data-testid="lb-dispatchers">
        {snap.balancers.map((n, i) => (
          <li key={n}>
            <strong>{nodeLabel(topo, n)}</strong>: <span className={!up(n) ? 'bad' : snap.master[i] ? 'ok' : 'muted'}>{!up(n) ? t('lb.crashed') : snap.master[i] ? t('lb.master') : t('lb.backup')}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">{snap.balancers.length > 1 ? t('lb.spof.redundant') : t('lb.spof.single')}</p>
      <p className="small muted">{t('lb.health', { s: 2, rise: 2, fall: 3 })}</p>
      <table className="lb-table" data-testid="lb-table">
        <thead>
          <tr>
            <th scope="col">{t('lb.node')}</th>
            <th scope="col">{t('lb.state')}</th>
            <th scope="col">{t('lb.weight')}</th>
            <th scope="col">{t('lb.active')}</th>
            <th scope="col">{t('lb.rate')}</th>
            <th scope="col">{t('lb.cpu')}</th>
            <th scope="col">{t('lb.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {snap.backends.map((b) => {
            const state = SERVER_STATES[b.state] ?? 'down';
            const label = nodeLabel(topo, b.node);
            return (
              <tr key={b.id} data-testid={`lb-row-${b.id}`}>
                <th scope="row">{label}</th>
                <td className={`lb-state lb-${state}`} data-testid={`lb-state-${b.id}`}>
                  {t(`lb.state.${state}`)}
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={256}
                    value={b.weight}
                    aria-label={t('lb.weightOf', { node: label })}
                    onChange={(e) => void sendCommand({ type: 'setWeight', node: b.id, weight: Number(e.target.value) })}
                  />
                </td>
                <td className="num">{b.active}</td>
                <td data-testid={`lb-rate-${b.id}`} data-value={b.rate}>
                  <div className="lb-rate">
                    <span className="bar" aria-hidden="true">
                      <span style={{ width: `${Math.round((b.rate / totalRate) * 100)}%` }} />
                    </span>
                    <span className="num">{fmtNum(b.rate, 0)}</span>
                  </div>
                </td>
                <td className="num">{formatPercent(cpu(b.node))}</td>
                <td>
                  <button type="button" onClick={() => void sendCommand({ type: 'drainServer', node: b.id, on: state !== 'drain' })} data-testid={`lb-drain-${b.id}`}>
                    {state === 'drain' ? t('lb.undrain') : t('lb.drain')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => void sendCommand({ type: 'addServer' })} data-testid="lb-add">
          {t('lb.add')}
        </button>
        <span className="small muted">{t('lb.addHelp')}</span>
      </div>
      {snap.storage && (
        <div className="interconnect" data-testid="lb-interconnect">
          <h3>{t('lb.interconnect')}</h3>
          <p className="small muted">{t('lb.icHelp', { kb: Math.round(snap.fetchBytes / 1000) })}</p>
          <div className="segmented" role="group" aria-label={t('lb.interconnect')}>
            {INTERCONNECTS.map((bps) => (
              <button key={bps} type="button" aria-pressed={icBps === bps} onClick={() => void sendCommand({ type: 'setInterconnect', bps })} data-testid={`lb-ic-${bps / 1e6}`}>
                {bps >= 1e9 ? '1 Gb/s' : `${bps / 1e6} Mb/s`}
              </button>
            ))}
          </div>
          <p data-testid="lb-ic-util">{t('lb.icUtil', { pct: Math.round(icUtil * 100), cpu: Math.round((stats.serverUtil ?? 0) * 100) })}</p>
          {icUtil > 0.9 && (stats.serverUtil ?? 0) < 0.5 && <p className="bad small">{t('lb.icSaturated')}</p>}
        </div>
      )}
    </section>
  );
}
