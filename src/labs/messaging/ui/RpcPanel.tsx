import { useState } from 'react';
import { BINDINGS, CALL_MODES, RPC_DEFAULTS, RPC_STEP, type Binding, type CallMode } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, nodeLabel } from '../../../ui/format';
import { useT, type T } from '../../../ui/useT';
import { CallChart } from './CallChart';
import type { RpcCallView } from './types';
import './messaging.css';
import { RunCheckbox } from '../../../ui/RunCheckbox';

/** The steps a call goes through, in order, for the way it is made now. */
function stepsFor(byRef: boolean, broker: boolean): number[] {
  const s: number[] = [RPC_STEP.call, RPC_STEP.marshal, RPC_STEP.bind, RPC_STEP.send];
  if (broker) s.push(RPC_STEP.lookup, RPC_STEP.forward);
  s.push(RPC_STEP.unmarshal);
  if (byRef) s.push(RPC_STEP.deref);
  s.push(RPC_STEP.execute);
  if (byRef) s.push(RPC_STEP.writeBack);
  s.push(RPC_STEP.reply, RPC_STEP.unmarshalReply, RPC_STEP.returned);
  return s;
}

function outcome(t: T, c: RpcCallView): string {
  if (c.result === 'noSuchObject') return t('rpc.noSuchObject', { name: c.object });
  if (c.result === 'failed') return t('rpc.failedCall');
  return c.result ? t('rpc.result', { r: c.result }) : '';
}

/**
 * Remote procedure calls (RPC-*): CALL P(X, Y) step by step through the
 * stubs with the message they build, the settings (by reference, binding,
 * sync/async, idle timeout), the cost per call of each way of calling, the
 * sync/async comparison and the broker's directory.
 */
export function RpcPanel() {
  const t = useT();
  const snap = useLab((s) => s.panelView?.models.messaging);
  const stats = useLab((s) => s.panelView?.stats);
  const topo = useLab((s) => s.topology);
  const [idle, setIdle] = useState('');
  const rpc = snap?.rpc;
  if (!rpc || !stats) return null;
  // the call in progress, or the last one
  const cur = [...rpc.recent].reverse().find((c) => c.step >= 0 && !c.replied) ?? rpc.recent[rpc.recent.length - 1];
  const broker = rpc.directory !== null;
  const steps = stepsFor(rpc.byRef, broker);
  const shown = cur?.result === 'noSuchObject' ? [RPC_STEP.call, RPC_STEP.marshal, RPC_STEP.send, RPC_STEP.lookup, RPC_STEP.error] : steps;
  const idx = cur ? shown.indexOf(cur.step) : -1;
  return (
    <section className="panel rpc-panel" aria-labelledby="rpc-title" data-testid="rpc-panel">
      <h2 id="rpc-title">{t('rpc.title')}</h2>
      <div className="mp-controls">
        <label className="check">
          <RunCheckbox checked={rpc.byRef} onToggle={(byRef) => sendCommand({ type: 'rpcSet', byRef })} testId="rpc-byref" />
          <span>{t('rpc.byRef')}</span>
        </label>
        <label>
          <span>{t('rpc.binding')}</span>
          <select value={rpc.binding} onChange={(e) => void sendCommand({ type: 'rpcSet', binding: e.target.value as Binding })} data-testid="rpc-binding">
            {BINDINGS.map((b) => <option key={b} value={b}>{t(`rpc.binding.${b}`)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('rpc.mode')}</span>
          <select value={rpc.mode} onChange={(e) => void sendCommand({ type: 'rpcSet', mode: e.target.value as CallMode })} data-testid="rpc-mode">
            {CALL_MODES.map((m) => <option key={m} value={m}>{t(`rpc.mode.${m}`)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('rpc.calls')}</span>
          <select value={rpc.calls} onChange={(e) => void sendCommand({ type: 'rpcSet', calls: Number(e.target.value) })} data-testid="rpc-calls">
            {[1, 2, 3, 5, 8, 10, 20].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>
          <span>{t('rpc.idle')}</span>
          <input type="number" min={0.1} max={600} step={0.5} value={idle === '' ? String(rpc.idleTimeoutUs / 1e6) : idle} onChange={(e) => setIdle(e.target.value)} data-testid="rpc-idle" />
        </label>
        <button type="button" onClick={() => { void sendCommand({ type: 'rpcSet', idleTimeoutUs: Math.round(Number(idle || rpc.idleTimeoutUs / 1e6) * 1e6) }); setIdle(''); }} data-testid="rpc-idle-apply">
          {t('mp.apply')}
        </button>
      </div>
      {cur && (
        <div className="rpc-call" data-testid="rpc-current">
          <p>
            <strong>{t('rpc.current', { id: cur.id, client: cur.client, step: t(`rpcstep.${cur.step}` as 'rpcstep.0') })}</strong>
          </p>
          <p className="code-line">
            {t('rpc.callText', { x: cur.x, y: `${cur.y.join(', ')}, …` })} {cur.object && t('rpc.onObject', { name: cur.object })}
          </p>
          <ol className="rpc-steps" aria-label={t('rpc.steps')}>
            {shown.map((s, i) => (
              <li key={s} className={i < idx ? 'done' : i === idx ? 'now' : ''} aria-current={i === idx ? 'step' : undefined}>
                {t(`rpcstep.${s}` as 'rpcstep.0')}
              </li>
            ))}
          </ol>
          <p className="small">{t('rpc.encoded')}</p>
          <pre className="code" data-testid="rpc-encoded">{cur.encoded}</pre>
          <p className="small">{t('rpc.decoded', { x: cur.x, y: rpc.byRef ? t('rpc.pointer', { node: cur.client }) : `[${cur.y.join(', ')}, … ×${RPC_DEFAULTS.arrayBytes / 4}]` })}</p>
          <p data-testid="rpc-outcome" className={cur.result === 'noSuchObject' || cur.result === 'failed' ? 'bad' : ''}>{outcome(t, cur)}</p>
        </div>
      )}
      <h3>{t('rpc.cost')}</h3>
      <table className="mp-table" data-testid="rpc-costs">
        <thead>
          <tr>
            <th scope="col">{t('rpc.col.mode')}</th>
            <th scope="col">{t('rpc.col.calls')}</th>
            <th scope="col">{t('rpc.col.msgs')}</th>
            <th scope="col">{t('rpc.col.bytes')}</th>
            <th scope="col">{t('rpc.col.ms')}</th>
            <th scope="col">{t('rpc.col.handshakes')}</th>
          </tr>
        </thead>
        <tbody>
          {rpc.costs.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                {t(c.byRef ? 'rpc.byrefShort' : 'rpc.byvalShort')} · {t(`rpc.binding.${c.binding}`)} · {t(c.async ? 'rpc.mode.async' : 'rpc.mode.sync')}
              </th>
              <td>{c.n}</td>
              <td>{c.n ? fmtNum(c.msgs / c.n, 1) : '—'}</td>
              <td>{c.n ? fmtNum(Math.round(c.bytes / c.n)) : '—'}</td>
              <td>{c.n ? fmtNum(c.us / c.n / 1000, 1) : '—'}</td>
              <td>{c.handshakes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">{t('rpc.costNote')}</p>
      <p data-testid="rpc-handshakes">{t('rpc.handshakes', { n: stats.rpcHandshakes ?? 0, calls: (stats.rpcCompleted ?? 0) + (stats.rpcErrors ?? 0) })}</p>
      {(stats.rpcErrors ?? 0) > 0 && <p className="bad small">{t('rpc.errors', { n: stats.rpcErrors ?? 0 })}</p>}
      <CallChart batches={rpc.batches} />
      <div className="rpc-side">
        <div>
          <h4>{t('rpc.conns')}</h4>
          <ul className="mp-list" data-testid="rpc-conns">
            {rpc.conns.length === 0 && <li className="muted">{t('mp.none')}</li>}
            {rpc.conns.slice(-6).map((c, i) => <li key={i}>{t('rpc.connRow', { client: c.client, server: c.server, state: t(`conn.${c.state}`) })}</li>)}
          </ul>
        </div>
        <div>
          <h4>{t('rpc.servers')}</h4>
          <ul className="mp-list">
            {rpc.servers.map((s) => <li key={s.proc}>{t('rpc.serverRow', { proc: s.proc, phase: t(`srvphase.${s.phase}` as 'srvphase.idle'), queued: s.queued })}</li>)}
          </ul>
        </div>
        {rpc.directory && (
          <div>
            <h4>{t('rpc.directory')}</h4>
            <ul className="mp-list" data-testid="rpc-directory">
              {rpc.directory.map((d) => <li key={d.name}>{t('rpc.dirRow', { name: d.name, proc: snap.procs.find((p) => p.id === d.proc)?.label ?? d.proc, node: nodeLabel(topo, d.node) })}</li>)}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
