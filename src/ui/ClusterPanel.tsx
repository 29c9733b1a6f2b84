import { FAILBACK_POLICIES, RESOURCE_STATES, type FailbackPolicy } from '../protocol';
import { sendCommand } from '../store/actions';
import { useLab } from '../store/labStore';
import { nodeLabel } from './format';
import { ClusterData } from './ClusterData';
import { ClusterSize } from './ClusterSize';
import { MembershipTable } from './MembershipTable';
import { useT } from './useT';
import { RunCheckbox } from './RunCheckbox';

/** The cluster model's state as its snapshot gives it (network node indices). */
export interface ClusterSnapshot {
  nodes: number[];
  groups: { id: string; label: string; failback: FailbackPolicy; preferred: string[]; resources: { id: string; type: string }[]; states: number[][] }[];
  views: number[][];
  inService: boolean[];
  owners: number[][];
  configSeq: number[];
  quorum: boolean;
  violating: number[];
  mode: 'ha' | 'ft';
  storage: 'disk' | 'shared' | 'copy';
  txSteps: number;
  lastFailoverUs: number[];
  witness: number;
}

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
 * The Windows cluster at a glance: quorum switch, split-brain alarm,
 * availability, each group with its resources' states and its controls,
 * and every node's membership view and copy of the configuration database.
 */
export function ClusterPanel() {
  const t = useT();
  const snap = useLab((s) => s.panelView?.models.cluster as ClusterSnapshot | undefined);
  const stats = useLab((s) => s.panelView?.stats);
  const topo = useLab((s) => s.topology);
  if (!snap || !stats) return null;
  const label = (n: number) => nodeLabel(topo, n);
  return (
    <section className="panel cluster" aria-labelledby="cluster-title" data-testid="cluster-panel">
      <h2 id="cluster-title">{t('cluster.title')}</h2>
      <label className="quorum">
        <RunCheckbox checked={snap.quorum} onToggle={(on) => sendCommand({ type: 'setQuorum', on })} testId="quorum" />
        <span>{t('cluster.quorum')}</span>
      </label>
      {snap.violating.length > 0 && (
        <p className="violation" role="alert" data-testid="split-brain">
          {t('cluster.splitNow', { groups: snap.violating.map((g) => snap.groups[g]?.label ?? g).join(', ') })}
        </p>
      )}
      {snap.violating.length === 0 && (stats.invariantViolations ?? 0) > 0 && <p className="bad small">{t('cluster.splitPast', { n: stats.invariantViolations ?? 0 })}</p>}
      <p data-testid="availability">
        {t('cluster.availability', { pct: ((stats.availability ?? 1) * 100).toFixed(2), s: ((stats.downtimeUs ?? 0) / 1e6).toFixed(1) })}
      </p>
      <ClusterSize key={snap.nodes.length} current={snap.nodes.length} />
      <ClusterData snap={snap} />
      <div className="groups">
        {snap.groups.map((g) => {
          const home = groupHome(g.states);
          const online = g.states.map((rs, m) => (rs.every((x) => x === ONLINE) ? m : -1)).filter((m) => m >= 0);
          const where = online.length > 0 ? t('cluster.onlineOn', { nodes: online.map((m) => label(snap.nodes[m]!)).join(' + ') }) : home >= 0 ? t('cluster.movingOn', { node: label(snap.nodes[home]!) }) : t('cluster.offline');
          return (
            <div className="group" key={g.id} data-testid={`group-${g.id}`}>
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
              <div className="actions">
                <label>
                  <span>{t('cluster.failback')} </span>
                  <select value={g.failback} onChange={(e) => void sendCommand({ type: 'setFailback', group: g.id, policy: e.target.value as FailbackPolicy, window: [1, 5] })} data-testid={`failback-${g.id}`}>
                    {FAILBACK_POLICIES.map((p) => (
                      <option key={p} value={p}>
                        {t(`failback.${p}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" onClick={() => void sendCommand({ type: 'failResource', group: g.id, resource: `${g.id}-svc` })} data-testid={`fail-${g.id}`}>
                  {t('cluster.failOnce')}
                </button>
                <button type="button" onClick={() => void sendCommand({ type: 'failResource', group: g.id, resource: `${g.id}-svc`, persistent: true })} data-testid={`failp-${g.id}`}>
                  {t('cluster.failPersistent')}
                </button>
                <button type="button" onClick={() => void sendCommand({ type: 'moveGroup', group: g.id })} data-testid={`move-${g.id}`}>
                  {t('cluster.move')}
                </button>
              </div>
            </div>
          );
        })}
      </div>
      <MembershipTable snap={snap} />
    </section>
  );
}
