import { SUN_DESIGNS } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, formatPercent, nodeLabel } from '../../../ui/format';
import { useT } from '../../../ui/useT';
import { useSun } from './snapshot';

const LOADS = [1, 2, 3, 6, 8];

/**
 * Sun Cluster seen as one machine, and its networking (SUN-SSI,
 * SUN-NET-OPTIONS, SUN-NET-FILTER): the three designs, the load, each node's
 * role, CPU and connections, the network configuration table, and failures.
 */
export function SunNetPanel() {
  const t = useT();
  const snap = useSun();
  const topo = useLab((s) => s.topology);
  if (!snap) return null;
  const label = (n: number) => nodeLabel(topo, n);
  const id = (n: number) => topo?.nodes[n]?.id ?? '';
  const moved = new Map(snap.movedTo);
  const perNode = snap.design === 'perNode';
  return (
    <section className="panel suncluster" aria-labelledby="sun-title" data-testid="sun-net-panel">
      <h2 id="sun-title">{t('sun.title')}</h2>
      <p className="small" data-testid="sun-ssi">
        {perNode ? t('sun.ssiBroken', { n: snap.addresses.length, list: snap.addresses.join(', ') }) : t('sun.ssi', { name: snap.clusterName, addr: snap.sharedAddress })}
      </p>
      <div className="segmented" role="group" aria-label={t('sun.design')}>
        <span className="small">{t('sun.design')}: </span>
        {SUN_DESIGNS.map((d) => (
          <button key={d} type="button" aria-pressed={snap.design === d} onClick={() => void sendCommand({ type: 'sunSetDesign', design: d })} data-testid={`sun-design-${d}`}>
            {t(`sun.design.${d}`)}
          </button>
        ))}
      </div>
      <p className="small muted" data-testid="sun-design-help">
        {t(`sun.help.${snap.design}`)}
      </p>
      <div className="segmented" role="group" aria-label={t('sun.load')}>
        <span className="small">{t('sun.load')}: </span>
        {LOADS.map((n) => (
          <button key={n} type="button" aria-pressed={snap.sessions === n} onClick={() => void sendCommand({ type: 'sunLoad', sessions: n })} data-testid={`sun-load-${n}`}>
            {n}
          </button>
        ))}
      </div>
      <table className="lb-table" data-testid="sun-nodes">
        <thead>
          <tr>
            <th scope="col">{t('sun.node')}</th>
            <th scope="col">{t('sun.role')}</th>
            <th scope="col">{t('sun.cpu')}</th>
            <th scope="col">{t('sun.owned')}</th>
            <th scope="col">{t('sun.served')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {snap.nodes.map((n, i) => {
            const roles = [
              !perNode && n === snap.iface ? t('sun.role.iface') : '',
              perNode ? t('sun.role.addr', { addr: snap.addresses[i] ?? '' }) : '',
              n === snap.diskNode ? t('sun.role.disk') : '',
              moved.has(n) ? t('sun.movedTo', { node: label(moved.get(n)!) }) : '',
            ].filter(Boolean);
            const u = snap.util[i] ?? 0;
            return (
              <tr key={n} data-testid={`sun-node-${id(n)}`}>
                <td>{label(n)}</td>
                <td className="small">
                  {roles.join(' · ')}
                  {!snap.up[i] && <span className="bad"> {t('sun.down')}</span>}
                  {snap.up[i] === false || snap.members[i] ? null : <span className="bad"> {t('sun.left')}</span>}
                </td>
                <td className={u > 0.9 ? 'num bad' : 'num'}>{formatPercent(u)}</td>
                <td className="num">{snap.owned[i]}</td>
                <td className="num">{snap.served[i]}</td>
                <td>
                  <button type="button" onClick={() => void sendCommand({ type: snap.up[i] ? 'crashNode' : 'restartNode', node: id(n) })} data-testid={`sun-toggle-${id(n)}`}>
                    {snap.up[i] ? t('sun.crash') : t('sun.restart')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!perNode && (
        <div className="actions">
          <button type="button" onClick={() => void sendCommand({ type: 'crashNode', node: id(snap.iface) })} data-testid="sun-crash-iface">
            {t('sun.crashIface')}
          </button>
        </div>
      )}
      <h3>{t('sun.table')}</h3>
      {snap.table.length === 0 ? (
        <p className="small muted">{t('sun.emptyTable')}</p>
      ) : (
        <table className="lb-table" data-testid="sun-table">
          <thead>
            <tr>
              <th scope="col">{t('sun.conn')}</th>
              <th scope="col">{t('sun.client')}</th>
              <th scope="col">{t('sun.node')}</th>
              <th scope="col">{t('sun.served')}</th>
            </tr>
          </thead>
          <tbody>
            {snap.table.slice(-10).map((e) => (
              <tr key={e.conn}>
                <td className="num">{e.conn}</td>
                <td>{label(e.client)}</td>
                <td>{label(e.node)}</td>
                <td className="num">{e.requests}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('sun.procs')}</h3>
      <p className="small muted">
        {t('sun.procs.help')} {t('sun.procCounts', { m: snap.migrations, r: snap.recovered })}
      </p>
      <table className="lb-table" data-testid="sun-procs">
        <thead>
          <tr>
            <th scope="col">{t('sun.pid')}</th>
            <th scope="col">{t('sun.proc')}</th>
            <th scope="col">{t('sun.threads')}</th>
            <th scope="col">{t('sun.node')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {snap.procs.map((p) => (
            <tr key={p.pid}>
              <td className="num">{p.pid}</td>
              <td>{p.name}</td>
              <td className="num">{p.threads}</td>
              <td className={p.state === 'running' ? '' : 'bad'}>{p.state === 'running' ? label(p.node) : t(`sun.${p.state}`)}</td>
              <td>
                {p.state === 'running' && (
                  <button type="button" onClick={() => void sendCommand({ type: 'sunMigrate', pid: p.pid })} data-testid={`sun-migrate-${p.pid}`}>
                    {t('sun.migrate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        {t('sun.known')}: {snap.nodes.map((n, i) => `${label(n)} ${snap.agree[i] ?? 0}/${snap.procs.length}`).join(' · ')}
      </p>
      {snap.log.length > 0 && (
        <>
          <h3>{t('sun.recent')}</h3>
          <ul className="small" data-testid="sun-log">
            {snap.log.slice(-5).map((e, i) => (
              <li key={i} className={e.what === 'takeover' ? 'ok' : 'bad'}>
                {fmtNum(e.atUs / 1e6, 1)} s — {t(`sun.log.${e.what}`, { node: label(e.node), peer: label(e.peer), conn: e.conn })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
