import { useState } from 'react';
import { FAILBACK_POLICIES, RESOURCE_STATES, type FailbackPolicy } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { nodeLabel } from '../../../ui/format';
import { useT } from '../../../ui/useT';
import type { ClusterSnapshot, GroupView } from './snapshot';

const ONLINE = RESOURCE_STATES.indexOf('online');
const OFFLINE = RESOURCE_STATES.indexOf('offline');

/** The node (model index) whose copy of a group is furthest from offline, or -1. */
export function groupHome(states: number[][]): number {
  let best = -1;
  let score = 0;
  states.forEach((rs, m) => {
    const s = rs.filter((x) => x !== OFFLINE).length + rs.filter((x) => x === ONLINE).length;
    if (s > score) [best, score] = [m, s];
  });
  return best;
}

/**
 * One resource group: where it is online, its resources' states, its
 * preferred owners, why it is held (FailoverThreshold), who holds its disk,
 * and its controls: failback policy and window, faults, and a move with or
 * without a target.
 */
export function ClusterGroup({ g, snap }: { g: GroupView; snap: ClusterSnapshot }) {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const hour = useLab((s) => Math.floor((s.view?.nowUs ?? 0) / 3_600_000_000) % 24);
  const [target, setTarget] = useState('');
  const [win, setWin] = useState<[string, string] | null>(null);
  const label = (n: number) => nodeLabel(topo, n);
  const home = groupHome(g.states);
  const online = g.states.map((rs, m) => (rs.every((x) => x === ONLINE) ? m : -1)).filter((m) => m >= 0);
  const where = online.length > 0 ? t('cluster.onlineOn', { nodes: online.map((m) => label(snap.nodes[m]!)).join(' + ') }) : home >= 0 ? t('cluster.movingOn', { node: label(snap.nodes[home]!) }) : t('cluster.offline');
  const running = snap.nodes.filter((_, m) => snap.inService[m]);
  const window = win ?? [String(g.window[0]), String(g.window[1])];
  const setPolicy = (policy: FailbackPolicy) => void sendCommand({ type: 'setFailback', group: g.id, policy, window: policy === 'window' ? g.window : undefined });
  const applyWindow = () => {
    setWin(null);
    void sendCommand({ type: 'setFailback', group: g.id, policy: 'window', window: [Number(window[0]), Number(window[1])] });
  };
  return (
    <div className="group" data-testid={`group-${g.id}`}>
      <h3>
        {g.label} <span className={online.length === 1 ? 'ok' : 'bad'} data-testid={`group-${g.id}-where`}>{where}</span>
      </h3>
      <ul className="chips">
        {g.resources.map((r, i) => {
          const st = home >= 0 ? g.states[home]![i]! : OFFLINE;
          return (
            <li key={r.id} className={`chip rs-${RESOURCE_STATES[st]}`}>
              {t(`res.${r.type}` as 'res.disk')}: {t(`rstate.${RESOURCE_STATES[st]}` as 'rstate.online')}
            </li>
          );
        })}
      </ul>
      <p className="small muted">{t('cluster.preferred', { nodes: g.preferred.join(' → ') })}</p>
      {g.disk >= 0 && <p className="small muted" data-testid={`disk-${g.id}`}>{t('wcs.diskHolder', { node: label(g.disk) })}</p>}
      {g.blocked && (
        <p className="bad small" role="status" data-testid={`blocked-${g.id}`}>
          {t('wcs.blocked', { group: g.label, n: g.failovers, max: snap.failoverThreshold })}
        </p>
      )}
      <div className="actions">
        <label>
          <span>{t('cluster.failback')} </span>
          <select value={g.failback} onChange={(e) => setPolicy(e.target.value as FailbackPolicy)} data-testid={`failback-${g.id}`}>
            {FAILBACK_POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(`failback.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {g.failback === 'window' && (
          <span className="window">
            <span>{t('wcs.window')} </span>
            <label>
              {t('wcs.windowFrom')} <input type="number" min={0} max={23} value={window[0]} onChange={(e) => setWin([e.target.value, window[1]])} data-testid={`window-start-${g.id}`} />
            </label>
            <label>
              {t('wcs.windowTo')} <input type="number" min={0} max={23} value={window[1]} onChange={(e) => setWin([window[0], e.target.value])} data-testid={`window-end-${g.id}`} />
            </label>
            <button type="button" onClick={applyWindow} data-testid={`window-apply-${g.id}`}>
              {t('wcs.windowApply')}
            </button>
            <span className="small muted"> {t('wcs.windowNow', { h: hour })}</span>
          </span>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={() => void sendCommand({ type: 'failResource', group: g.id, resource: `${g.id}-svc` })} data-testid={`fail-${g.id}`}>
          {t('cluster.failOnce')}
        </button>
        <button type="button" onClick={() => void sendCommand({ type: 'failResource', group: g.id, resource: `${g.id}-svc`, persistent: true })} data-testid={`failp-${g.id}`}>
          {t('cluster.failPersistent')}
        </button>
        <label>
          <span>{t('wcs.moveTo')} </span>
          <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid={`move-target-${g.id}`}>
            <option value="">{t('wcs.moveBest')}</option>
            {running.map((n) => (
              <option key={n} value={topo?.nodes[n]?.id ?? ''}>
                {label(n)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void sendCommand({ type: 'moveGroup', group: g.id, node: target || undefined })} data-testid={`move-${g.id}`}>
          {t('cluster.move')}
        </button>
      </div>
    </div>
  );
}
