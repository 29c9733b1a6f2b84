import { useEffect, useState } from 'react';
import { RECV_MODES, SEND_MODES, SERVICES, type RecvMode, type SendMode, type Service, type StatName, type WorldView } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, formatMs, nodeLabel } from '../../../ui/format';
import { useT, type T } from '../../../ui/useT';
import { setProcessLabels } from './describe';
import { ModuleView } from './ModuleView';
import type { MpProc, MpSnapshot } from './types';
import './messaging.css';
import { RunCheckbox } from '../../../ui/RunCheckbox';

const BLOCKED = [2, 3];

/** The primitive a blocked process is inside: Send(destination, message) or Receive(source, buffer). */
function doing(t: T, p: MpProc): string {
  if (p.state === 2) return t('mp.doSend', { to: p.peer || t('mp.any'), text: p.buffer });
  if (p.state === 3) return t('mp.doRecv', { from: p.peer || t('mp.any') });
  return '—';
}

function primitives(t: T, p: MpProc): string {
  const send = p.sendMode === 'nonblocking' && !p.copy ? t('sendMode.nonblockingNoCopy') : t(`sendMode.${p.sendMode}`);
  return t('mp.primitives', { service: t(`service.${p.service}`), send, recv: t(`recvMode.${p.recvMode}`) });
}

/**
 * The message-passing lab at a glance (MP-*): every process with its state
 * and time blocked, its send and receive buffers, the settings of its
 * primitives, the module of the selected machine, and what each service
 * costs per useful message.
 */
export function MessagingPanel() {
  const t = useT();
  const snap = useLab((s) => s.panelView?.models.messaging);
  const stats = useLab((s) => s.panelView?.stats);
  const topo = useLab((s) => s.topology);
  const [chosen, setChosen] = useState('');
  const [corrupt, setCorrupt] = useState('');
  const labels = snap?.procs.map((p) => p.label).join('\u0000') ?? '';
  useEffect(() => setProcessLabels(labels ? labels.split('\u0000') : []), [labels]);
  if (!snap || !stats) return null;
  const mp = snap.procs.filter((p) => p.program === 'producer' || p.program === 'consumer' || p.program === 'noshm');
  const proc = mp.find((p) => p.id === chosen) ?? mp[0];
  const n = (k: StatName) => stats[k] ?? 0;
  const row = (service: 'reliable' | 'unreliable', key: 'Reliable' | 'Unreliable') => {
    const msgs = n(`mp${key}Msgs`);
    const bytes = n(`mp${key}Bytes`);
    const useful = n(`mp${key}Useful`);
    if (msgs === 0) return null;
    return (
      <tr key={service} data-testid={`mp-overhead-${service}`}>
        <th scope="row">{t(`service.${service}`)}</th>
        <td>{msgs}</td>
        <td>{fmtNum(bytes)}</td>
        <td>{useful}</td>
        <td>{useful ? fmtNum(msgs / useful, 2) : '—'}</td>
        <td>{useful ? fmtNum(Math.round(bytes / useful)) : '—'}</td>
      </tr>
    );
  };
  const set = (patch: { service?: Service; sendMode?: SendMode; copy?: boolean; recvMode?: RecvMode }) => void sendCommand({ type: 'mpSet', process: proc?.id, ...patch });
  return (
    <section className="panel mp-panel" aria-labelledby="mp-title" data-testid="mp-panel">
      <h2 id="mp-title">{t('mp.title')}</h2>
      <table className="mp-table">
        <thead>
          <tr>
            <th scope="col">{t('mp.col.process')}</th>
            <th scope="col">{t('mp.col.machine')}</th>
            <th scope="col">{t('mp.col.state')}</th>
            <th scope="col">{t('mp.col.doing')}</th>
            <th scope="col">{t('mp.col.blocked')}</th>
            <th scope="col">{t('mp.col.sent')}</th>
            <th scope="col">{t('mp.col.received')}</th>
            <th scope="col">{t('mp.col.failures')}</th>
          </tr>
        </thead>
        <tbody>
          {snap.procs.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.label}</th>
              <td>{nodeLabel(topo, p.node)}</td>
              <td>
                <span className={`pstate pstate-${p.state}${BLOCKED.includes(p.state) ? ' blocked' : ''}`} data-testid={`proc-state-${p.id}`}>
                  {t(`pstate.${p.state}` as 'pstate.0')}
                </span>
              </td>
              <td className="code-line small" data-testid={`proc-doing-${p.id}`}>{doing(t, p)}</td>
              <td>{formatMs(p.blockedUs)} ms</td>
              <td>{p.sent}</td>
              <td>{p.received}</td>
              <td className={p.failures ? 'bad' : ''}>{p.failures}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {n('mpBlockedRan') > 0 && <p className="bad small">{t('mp.invariant', { n: n('mpBlockedRan') })}</p>}
      {proc && (
        <fieldset className="mp-settings">
          <legend>
            <label>
              {t('mp.settingsFor')}{' '}
              <select value={proc.id} onChange={(e) => setChosen(e.target.value)} data-testid="mp-proc">
                {mp.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
          </legend>
          <p className="small muted">{primitives(t, proc)}</p>
          <div className="mp-controls">
            <label>
              <span>{t('mp.service')}</span>
              <select value={proc.service} onChange={(e) => set({ service: e.target.value as Service })} data-testid="mp-service">
                {SERVICES.map((s) => <option key={s} value={s}>{t(`service.${s}`)}</option>)}
              </select>
            </label>
            <label>
              <span>{t('mp.send')}</span>
              <select value={proc.sendMode} onChange={(e) => set({ sendMode: e.target.value as SendMode })} data-testid="mp-send">
                {SEND_MODES.map((s) => <option key={s} value={s}>{t(`sendMode.${s}`)}</option>)}
              </select>
            </label>
            <label className="check">
              <RunCheckbox checked={proc.copy} onToggle={(copy) => sendCommand({ type: 'mpSet', process: proc.id, copy })} testId="mp-copy" />
              <span>{t('mp.copy')}</span>
            </label>
            <label>
              <span>{t('mp.recv')}</span>
              <select value={proc.recvMode} onChange={(e) => set({ recvMode: e.target.value as RecvMode })} data-testid="mp-recv">
                {RECV_MODES.map((s) => <option key={s} value={s}>{t(`recvMode.${s}`)}</option>)}
              </select>
            </label>
          </div>
          <dl className="facts">
            <dt>{t('mp.sendBuf')}</dt>
            <dd data-testid="mp-sendbuf">
              {proc.buffer || t('mp.empty')} {proc.bufferBusy && <span className="chip warn">{t('mp.inUse')}</span>}
            </dd>
            <dt>{t('mp.recvBuf')}</dt>
            <dd data-testid="mp-recvbuf">{proc.recvBuf || t('mp.empty')}</dd>
          </dl>
          {proc.program === 'producer' && (
            <p>
              <button type="button" onClick={() => void sendCommand({ type: 'mpMutate', process: proc.id })} data-testid="mp-mutate">
                {t('mp.mutate')}
              </button>{' '}
              <span className="small muted">{t('mp.mutateHint')}</span>
            </p>
          )}
        </fieldset>
      )}
      <div className="mp-controls">
        <label>
          <span>{t('mp.corrupt')}</span>
          <input type="number" min={0} max={50} step={1} value={corrupt === '' ? String(Math.round(snap.corruptRate * 100)) : corrupt} onChange={(e) => setCorrupt(e.target.value)} data-testid="mp-corrupt" />
        </label>
        <button type="button" onClick={() => { void sendCommand({ type: 'mpSet', corruptRate: Number(corrupt || 0) / 100 }); setCorrupt(''); }} data-testid="mp-corrupt-apply">
          {t('mp.apply')}
        </button>
      </div>
      {snap.procs.filter((p) => p.altered > 0).map((p) => <p key={p.id} className="bad small" data-testid="mp-altered">{t('mp.altered', { proc: p.label, n: p.altered })}</p>)}
      {snap.procs.filter((p) => p.program === 'consumer' && p.recvMode !== 'blocking').map((p) => (
        <p key={p.id} className="small" data-testid={`mp-receiving-${p.id}`}>
          {t('mp.receiving', { proc: p.label, polls: p.polls, empty: p.emptyPolls, ms: formatMs(p.pollUs), intr: p.interrupts, bg: fmtNum(p.backgroundUs / 1e6, 1) })}
        </p>
      ))}
      {snap.noshmSwitchUs >= 0 && <NoShm snap={snap} stats={stats} />}
      <h3>{t('mp.overhead')}</h3>
      <table className="mp-table" data-testid="mp-overhead">
        <thead>
          <tr>
            <th scope="col">{t('mp.col.service')}</th>
            <th scope="col">{t('mp.col.transmissions')}</th>
            <th scope="col">{t('mp.col.bytes')}</th>
            <th scope="col">{t('mp.col.useful')}</th>
            <th scope="col">{t('mp.col.perUseful')}</th>
            <th scope="col">{t('mp.col.bytesPerUseful')}</th>
          </tr>
        </thead>
        <tbody>{[row('reliable', 'Reliable'), row('unreliable', 'Unreliable')]}</tbody>
      </table>
      <p className="small muted" data-testid="mp-counters">
        {t('mp.counters', { r: n('mpRetransmissions'), c: n('mpCorruptDiscarded'), d: n('mpDuplicates'), f: n('mpFailures') })}
      </p>
      <ModuleView modules={snap.modules} procs={snap.procs} rto={snap.rto} />
    </section>
  );
}

function NoShm({ snap, stats }: { snap: MpSnapshot; stats: WorldView['stats'] }) {
  const t = useT();
  const now = useLab((s) => s.panelView?.nowUs ?? 0);
  return (
    <div className="mp-noshm" data-testid="mp-noshm">
      <p className={now < snap.noshmSwitchUs ? 'bad' : 'ok'}>{now < snap.noshmSwitchUs ? t('mp.noshmSem') : t('mp.noshmMsg')}</p>
      <ul className="chips">
        {snap.procs.map((p) => (
          <li key={p.id} className={`chip${p.inCritical ? ' warn' : ''}`}>
            {t('mp.semRow', { proc: p.label, v: p.sem })}
            {p.inCritical ? ` — ${t('mp.inCs')}` : ''}
          </li>
        ))}
      </ul>
      <p data-testid="mp-overlaps">{t('mp.noshm', { sem: stats.mpOverlapsSem ?? 0, msg: stats.mpOverlapsMsg ?? 0 })}</p>
    </div>
  );
}
