import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum } from '../../../ui/format';
import { useT } from '../../../ui/useT';

import type { ClusterSnapshot } from './snapshot';

const sec = (us: number) => fmtNum(us / 1e6, 1);

/**
 * The cluster's configuration and what a failure did to the data
 * (CL-CONFIG, CL-HA-VS-FT): where the data lives, HA or FT (switchable),
 * transaction outcomes, and the live checkers (no commit lost in FT;
 * every failover within the time the configuration implies).
 */
export function ClusterData({ snap }: { snap: ClusterSnapshot }) {
  const t = useT();
  const stats = useLab((s) => s.panelView?.stats);
  if (!stats) return null;
  const passive = snap.groups.every((g) => g.preferred[0] === snap.groups[0]?.preferred[0]);
  const lost = stats.commitsLost ?? 0;
  const b = snap.groups[0]?.bound;
  const figures: [string, string, number][] = [
    ['data-committed', t('data.committed'), stats.requestsCompleted ?? 0],
    ['data-retried', t('data.retried'), stats.txRetried ?? 0],
    ['data-half', t('data.halfDone'), stats.txHalfDone ?? 0],
    ['data-rolled', t('data.rolledBack'), stats.txRolledBack ?? 0],
    ['data-lost', t('data.lost'), lost],
  ];
  return (
    <div className="cluster-data" data-testid="cluster-data">
      <h3>{t('data.title')}</h3>
      <p className="small">{t(`data.config.${snap.storage}`, { s: 5 })}</p>
      <p className="small">{passive ? t('data.standby.passive') : t('data.standby.active')}</p>
      {snap.txSteps > 1 && (
        <>
          <fieldset className="segmented-field">
            <legend>{t('data.mode')}</legend>
            <div className="segmented">
              {(['ha', 'ft'] as const).map((mode) => (
                <button key={mode} type="button" aria-pressed={snap.mode === mode} onClick={() => void sendCommand({ type: 'setClusterMode', mode })} data-testid={`mode-${mode}`}>
                  {t(`data.mode.${mode}`)}
                </button>
              ))}
            </div>
          </fieldset>
          <p className="small muted">{snap.mode === 'ft' ? t('data.mode.ftHelp') : t('data.mode.haHelp')}</p>
          <dl className="figures">
            {figures.map(([id, label, v]) => (
              <div key={id} className={(id === 'data-lost' || id === 'data-half') && v > 0 ? 'figure bad' : 'figure'}>
                <dt>{label}</dt>
                <dd data-testid={id}>{fmtNum(v)}</dd>
              </div>
            ))}
            {snap.storage === 'copy' && (
              <div className="figure">
                <dt>{t('data.copy')}</dt>
                <dd>{fmtNum(Math.round((stats.copyBytes ?? 0) / 1000))} kB</dd>
              </div>
            )}
            {snap.storage === 'shared' && (
              <div className="figure">
                <dt>{t('data.locks')}</dt>
                <dd>{fmtNum((stats.lockMessages ?? 0))}</dd>
              </div>
            )}
          </dl>
          {snap.mode === 'ft' && <p className={lost ? 'bad' : 'ok'}>{lost ? t('data.ftBad', { n: lost }) : t('data.ftOk')}</p>}
        </>
      )}
      {b && (
        <p className="small muted" data-testid="failover-bound">
          {t('wcs.bound', { total: sec(b.total), detection: sec(b.detection), regroup: sec(b.regroup), witness: sec(b.witness), arbitration: sec(b.arbitration), online: sec(b.online), slack: sec(b.slack) })}
        </p>
      )}
      {snap.lastFailoverUs.map((us, g) =>
        us >= 0 ? (
          <p key={g} className="small" data-testid={`failover-time-${g}`}>
            {t('data.failover', { group: snap.groups[g]?.label ?? '', s: sec(us), bound: sec(snap.groups[g]?.bound.total ?? 0) })}
          </p>
        ) : null,
      )}
      {(stats.failoversLate ?? 0) > 0 && <p className="bad small">{t('data.failoverLate', { n: stats.failoversLate ?? 0 })}</p>}
    </div>
  );
}
