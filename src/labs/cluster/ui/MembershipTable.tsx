import { useLab } from '../../../store/labStore';
import type { ClusterSnapshot } from './ClusterPanel';
import { nodeLabel } from '../../../ui/format';
import { useT } from '../../../ui/useT';

/** Each node's view of the membership and its copy of the configuration database, which should agree (WCS-CONFIGDB). */
export function MembershipTable({ snap }: { snap: ClusterSnapshot }) {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const label = (n: number) => nodeLabel(topo, n);
  const live = snap.nodes.map((_, m) => m).filter((m) => snap.inService[m]);
  const agree = new Set(live.map((m) => `${snap.configSeq[m]}|${snap.owners[m]!.join()}`)).size <= 1;
  return (
    <div className="membership" data-testid="membership">
      <h3>{t('cluster.members')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('cluster.node')}</th>
            <th scope="col">{t('cluster.service')}</th>
            <th scope="col">{t('wcs.vote')}</th>
            <th scope="col">{t('cluster.view')}</th>
            <th scope="col">{t('cluster.config')}</th>
          </tr>
        </thead>
        <tbody>
          {snap.nodes.map((n, m) => (
            <tr key={n}>
              <th scope="row">{label(n)}</th>
              <td className={snap.inService[m] ? 'ok' : 'bad'}>{snap.inService[m] ? t('cluster.running') : snap.status[m] === 1 ? t('wcs.nodeOut') : t('cluster.stopped')}</td>
              <td data-testid={`vote-${m}`}>{snap.quorum ? (snap.votes[m] ?? 0) : '—'}</td>
              <td>{snap.views[m]!.map(label).join(', ') || '—'}</td>
              <td>
                v{snap.configSeq[m]}: {snap.groups.map((g, gi) => `${g.label} → ${snap.owners[m]![gi]! >= 0 ? label(snap.owners[m]![gi]!) : '—'}`).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={agree ? 'ok small' : 'bad small'} data-testid="replicas">
        {agree ? t('cluster.agree') : t('cluster.disagree')}
      </p>
    </div>
  );
}
