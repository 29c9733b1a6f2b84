import { useState } from 'react';
import { loadScenario, useLab } from '../../../store/labStore';
import { nodeLabel } from '../../../ui/format';
import { useT } from '../../../ui/useT';
import type { ClusterSnapshot } from './snapshot';

const KINDS = ['none', 'disk', 'share'] as const;

/**
 * How the cluster decides who may run: the votes counted now, dynamic or
 * fixed quorum, the witness (and, on two nodes, a choice of witness, which
 * starts the run again), heartbeats on every network, and what arbitration
 * does for this configuration's disks.
 */
export function ClusterQuorum({ snap }: { snap: ClusterSnapshot }) {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const scenario = useLab((s) => s.scenario);
  const [kind, setKind] = useState(snap.witnessKind);
  const holder = snap.witness >= 0 ? nodeLabel(topo, snap.witness) : t('wcs.nobody');
  const vote = snap.witnessVote ? t('wcs.yes') : t('wcs.no');
  return (
    <div className="cluster-quorum" data-testid="cluster-quorum">
      {snap.quorum && (
        <p data-testid="votes">
          <strong>{t('wcs.votes', { held: snap.votesHeld, total: snap.votesTotal })}</strong>
        </p>
      )}
      <p className="small">{snap.dynamic ? t('wcs.dynamic') : t('wcs.static')}</p>
      <p className="small" data-testid="witness">
        {snap.witnessKind === 'none' ? t('wcs.witness.none') : t(`wcs.witness.${snap.witnessKind}`, { node: holder, vote })}
      </p>
      {snap.nodes.length === 2 && (
        <form
          className="cluster-size"
          onSubmit={(e) => {
            e.preventDefault();
            loadScenario({ ...scenario, witness: kind });
          }}
        >
          <label>
            <span>{t('wcs.witness.pick')} </span>
            <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])} data-testid="witness-kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`wcs.witness.opt.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={kind === snap.witnessKind} data-testid="witness-apply">
            {t('wcs.witness.apply')}
          </button>
        </form>
      )}
      <p className="small muted">{t('wcs.heartbeats')}</p>
      {snap.quorum && <p className="small muted">{snap.storage === 'disk' ? t('wcs.arbitration.disk') : t('wcs.arbitration.fence')}</p>}
    </div>
  );
}
