import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { ClusterData } from './ClusterData';
import { fmtNum } from '../../../ui/format';
import { ClusterSize } from './ClusterSize';
import { ClusterGroup } from './ClusterGroup';
import { ClusterQuorum } from './ClusterQuorum';
import { useClusterSnapshot } from './snapshot';
import { MembershipTable } from './MembershipTable';
import { RunCheckbox } from '../../../ui/RunCheckbox';
import { useT } from '../../../ui/useT';

export type { ClusterSnapshot } from './snapshot';
export { groupHome } from './ClusterGroup';

/**
 * The Windows cluster at a glance: quorum switch and how quorum is counted,
 * split-brain alarm, availability, each group with its resources' states
 * and its controls, and every node's membership view and copy of the
 * configuration database.
 */
export function ClusterPanel() {
  const t = useT();
  const snap = useClusterSnapshot();
  const stats = useLab((s) => s.panelView?.stats);
  if (!snap || !stats) return null;
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
        {t('cluster.availability', { pct: fmtNum((stats.availability ?? 1) * 100, 2), s: fmtNum((stats.downtimeUs ?? 0) / 1e6, 1) })}
      </p>
      <ClusterQuorum snap={snap} />
      <ClusterSize key={snap.nodes.length} current={snap.nodes.length} />
      <ClusterData snap={snap} />
      <div className="groups">
        {snap.groups.map((g) => (
          <ClusterGroup key={g.id} g={g} snap={snap} />
        ))}
      </div>
      <MembershipTable snap={snap} />
    </section>
  );
}
