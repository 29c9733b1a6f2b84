import { useState } from 'react';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, nodeLabel } from '../../../ui/format';
import { NodeSelect } from '../../../ui/NodeSelect';
import { useT } from '../../../ui/useT';

/**
 * The middleware's single-system image, service by service (CL-MIDDLEWARE,
 * CL-SSI): each with a button that makes the simulation show it, and what it
 * did. Jobs and processes come from the Beowulf panel beside it.
 */
export function SsiPanel() {
  const t = useT();
  const snap = useLab((s) => s.panelView?.models.ssi);
  const stats = useLab((s) => s.panelView?.stats);
  const topo = useLab((s) => s.topology);
  const [node, setNode] = useState('');
  const [page, setPage] = useState(1);
  const [service, setService] = useState(0);
  if (!snap || !stats) return null;
  const label = (n: number) => nodeLabel(topo, n);
  const nodeId = node || topo?.nodes[snap.nodes[0]!]?.id || '';
  const workers = snap.nodes.length;
  return (
    <section className="panel ssi" aria-labelledby="ssi-title" data-testid="ssi-panel">
      <h2 id="ssi-title">{t('ssi.title')}</h2>
      <p className="small muted">{t('ssi.intro')}</p>
      <NodeSelect label={t('ssi.actingNode')} nodes={snap.nodes} value={nodeId} onChange={setNode} testId="ssi-node" />
      <ol className="ssi-services">
        <li>
          <strong>{t('ssi.entry')}</strong> <button type="button" onClick={() => void sendCommand({ type: 'ssiLogin' })} data-testid="ssi-login">{t('ssi.login')}</button>
          <p className="small" data-testid="ssi-sessions">{t('ssi.sessions', { n: snap.sessions.length, list: snap.sessions.slice(-8).map((s) => label(s.node)).join(', ') || '—' })}</p>
        </li>
        <li>
          <strong>{t('ssi.files')}</strong> <button type="button" onClick={() => void sendCommand({ type: 'ssiRead', node: nodeId, file: 2 })} data-testid="ssi-read">{t('ssi.read', { node: nodeId })}</button>
          <p className="small">{t('ssi.filesState', { disk: label(snap.files[2] ?? -1), n: stats.remoteReads ?? 0 })}</p>
        </li>
        <li>
          <strong>{t('ssi.control')}</strong> <button type="button" onClick={() => void sendCommand({ type: 'ssiAdmin' })} data-testid="ssi-admin">{t('ssi.admin')}</button>
          <p className="small" data-testid="ssi-applied">{snap.configVersion > 0 ? t('ssi.applied', { v: snap.configVersion, k: snap.applied, n: workers }) : t('ssi.noChange')}</p>
        </li>
        <li>
          <strong>{t('ssi.memory')}</strong>
          <div className="actions">
            <label>
              <span>{t('ssi.page')} </span>
              <input type="number" min={0} max={snap.owner.length - 1} value={page} onChange={(e) => setPage(Number(e.target.value))} data-testid="ssi-page" />
            </label>
            <button type="button" onClick={() => void sendCommand({ type: 'ssiTouch', node: nodeId, page, write: false })} data-testid="ssi-readpage">{t('ssi.readPage')}</button>
            <button type="button" onClick={() => void sendCommand({ type: 'ssiTouch', node: nodeId, page, write: true })} data-testid="ssi-writepage">{t('ssi.writePage')}</button>
          </div>
          <ul className="pages" aria-label={t('ssi.memory')}>
            {snap.owner.map((o, p) => (
              <li key={p} title={t('ssi.pageTitle', { p, owner: label(o), copies: snap.copies[p]!.map(label).join(', ') })}>
                <span className="page-no">{p}</span> {label(o)}
                {snap.copies[p]!.length > 1 && <span className="muted"> +{snap.copies[p]!.length - 1}</span>}
              </li>
            ))}
          </ul>
          <p className="small" data-testid="ssi-dsm">{t('ssi.dsm', { remote: stats.dsmRemoteFetches ?? 0, hits: stats.dsmLocalHits ?? 0, inv: stats.dsmInvalidations ?? 0 })}</p>
        </li>
        <li>
          <strong>{t('ssi.jobs')}</strong> <button type="button" onClick={() => void sendCommand({ type: 'runJob', kind: 'parametric', nodes: workers })} data-testid="ssi-job">{t('ssi.submit')}</button>
        </li>
        <li>
          <strong>{t('ssi.processes')}</strong> <span className="small">{t('ssi.processesText')}</span>
        </li>
        <li>
          <strong>{t('ssi.network')}</strong>
          <div className="actions">
            <label>
              <span>{t('ssi.service')} </span>
              <select value={service} onChange={(e) => setService(Number(e.target.value))} data-testid="ssi-service">
                {snap.services.map((_, k) => (
                  <option key={k} value={k}>
                    {t(`ssi.service.${k}` as 'ssi.service.0')}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void sendCommand({ type: 'ssiService', node: nodeId, service })} data-testid="ssi-call">
              {t('ssi.call', { node: nodeId })}
            </button>
          </div>
          <p className="small" data-testid="ssi-net">
            {snap.lastCall
              ? t('ssi.netState', { from: label(snap.lastCall.from), service: t(`ssi.service.${snap.lastCall.service}` as 'ssi.service.0'), node: label(snap.lastCall.node), ms: fmtNum(snap.lastCall.rttUs / 1000, 1), n: stats.ssiNetAnswered ?? 0 })
              : t('ssi.networkText')}
          </p>
        </li>
        <li>
          <strong>{t('ssi.ui')}</strong> <button type="button" onClick={() => void sendCommand({ type: 'ssiConsole' })} data-testid="ssi-console">{t('ssi.consoleAsk')}</button>
          {snap.view ? (
            <table className="ssi-view" data-testid="ssi-view">
              <thead>
                <tr>
                  <th scope="col">{t('cluster.node')}</th>
                  <th scope="col">{t('ssi.view.sessions')}</th>
                  <th scope="col">{t('ssi.view.pages')}</th>
                  <th scope="col">{t('ssi.view.version')}</th>
                </tr>
              </thead>
              <tbody>
                {snap.view.rows.map((r) => (
                  <tr key={r.node} className={r.missing ? 'bad' : undefined}>
                    <th scope="row">{label(r.node)}</th>
                    {r.missing ? <td colSpan={3}>{t('ssi.view.missing')}</td> : (
                      <>
                        <td>{r.sessions}</td>
                        <td>{r.pages}</td>
                        <td>v{r.version}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="small">{t('ssi.uiText')}</p>
          )}
          {snap.view && <p className="small muted">{t('ssi.view.took', { ms: fmtNum((snap.view.gatheredUs - snap.view.askedUs) / 1000, 1), n: snap.view.rows.filter((r) => !r.missing).length, total: snap.view.rows.length })}</p>}
        </li>
      </ol>
    </section>
  );
}
