import { useState } from 'react';
import { ClusterSize } from '../../cluster/ui/ClusterSize';
import { amdahl, JOB_KINDS, smpSpeed, type JobKind, type JobResult } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, nodeLabel } from '../../../ui/format';
import { BondingView } from './BondingView';
import { useT } from '../../../ui/useT';
import { RunCheckbox } from '../../../ui/RunCheckbox';

// the types come from the engine's Beowulf (through the wire format)
export type { ParallelSnapshot } from '../../../protocol';

const ETHERNETS = [10e6, 100e6, 1e9];
/** Seconds as the reader's language writes them (one decimal; two for the small losses of a crash). */
const s1 = (us: number) => fmtNum(us / 1e6, 1);
const s2 = (us: number) => fmtNum(us / 1e6, 2);

/** Why the latest failed job failed and what it cost: an SMP has no other machine, a sum needs all its processes. */
function failureText(t: ReturnType<typeof useT>, r: JobResult): string {
  const params = { kind: t(`par.kind.${r.kind}`), lost: s2(r.lostUs), left: r.tasks - r.done, tasks: r.tasks, done: r.done };
  return t(r.smp ? 'par.failedSmp' : 'par.failedCluster', params);
}

/**
 * The Beowulf at work (BEO-*, CL-PARAMETRIC, CL-PAR-*, CL-CHECKPOINT): what
 * makes it a Beowulf, the Ethernet and bonded cards, jobs to run (once or as a
 * sweep over node counts), the head's process table with signals, and the
 * finished jobs with speed-up and efficiency.
 */
export function ParallelPanel() {
  const t = useT();
  const snap = useLab((s) => s.panelView?.models.parallel);
  const topo = useLab((s) => s.topology);
  const stats = useLab((s) => s.panelView?.stats);
  const [kind, setKind] = useState<JobKind>('parametric');
  const [nodes, setNodes] = useState(4);
  const [cpus, setCpus] = useState(8);
  if (!snap) return null;
  const label = (n: number) => nodeLabel(topo, n);
  const job = snap.job;
  // speed-up is always against one commodity node, so an SMP's figure compares directly
  const lastFailed = [...snap.results].reverse().find((r) => r.failed);
  const base = (k: JobKind) => [...snap.results].reverse().find((r) => r.kind === k && r.nodes === 1 && !r.smp && !r.failed);
  return (
    <section className="panel parallel" aria-labelledby="par-title" data-testid="parallel-panel">
      <h2 id="par-title">{t('par.title')}</h2>
      <p className="small muted">{t('par.traits')}</p>
      <ClusterSize key={snap.workers.length} current={snap.workers.length} />
      <div className="segmented" role="group" aria-label={t('par.ethernet')}>
        <span className="small">{t('par.ethernet')}: </span>
        {ETHERNETS.map((bps) => (
          <button key={bps} type="button" aria-pressed={snap.nicBps === bps} onClick={() => void sendCommand({ type: 'setEthernet', bps })} data-testid={`par-eth-${bps / 1e6}`}>
            {bps >= 1e9 ? '1 Gb/s' : `${bps / 1e6} Mb/s`}
          </button>
        ))}
      </div>
      <label className="check">
        <RunCheckbox checked={!snap.sharedNetwork} onToggle={(on) => sendCommand({ type: 'setSharedNetwork', on: !on })} testId="par-dedicated" />
        <span>{t('par.dedicated')}</span>
      </label>
      {snap.sharedNetwork && <p className="small bad">{t('par.sharedNote')}</p>}
      <BondingView snap={snap} />
      {snap.smp >= 0 && (
        <div className="smp" data-testid="par-smp">
          <p className="small">{t('par.smp', { p: snap.smpProcessors, x: fmtNum(smpSpeed(snap.smpProcessors), 1) })}</p>
          {snap.smpDown && <p className="small bad" data-testid="par-smp-down">{t('par.smpDown')}</p>}
          <div className="actions">
            <label>
              <span>{t('par.smpProcessors')} </span>
              <input type="number" min={1} max={64} value={cpus} onChange={(e) => setCpus(Number(e.target.value))} data-testid="par-smp-cpus" />
            </label>
            <button type="button" disabled={!Number.isInteger(cpus) || cpus < 1 || cpus > 64} onClick={() => void sendCommand({ type: 'setSmp', processors: cpus })}>
              {t('par.smpApply')}
            </button>
            <button type="button" onClick={() => void sendCommand({ type: 'runJob', kind, nodes: 1, smp: true })} data-testid="par-run-smp">
              {t('par.runSmp')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('par.job')}</h3>
      <div className="actions">
        <select value={kind} onChange={(e) => setKind(e.target.value as JobKind)} aria-label={t('par.job')} data-testid="par-kind">
          {JOB_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`par.kind.${k}`)}
            </option>
          ))}
        </select>
        <label>
          <span>{t('par.nodes')} </span>
          <input type="number" min={1} max={snap.workers.length} value={nodes} onChange={(e) => setNodes(Number(e.target.value))} data-testid="par-nodes" />
        </label>
        <button type="button" disabled={!Number.isInteger(nodes) || nodes < 1 || nodes > snap.workers.length} onClick={() => void sendCommand({ type: 'runJob', kind, nodes })} data-testid="par-run">
          {t('par.run')}
        </button>
        <button type="button" onClick={() => void sendCommand({ type: 'sweep', kind })} data-testid="par-sweep">
          {t('par.sweep')}
        </button>
      </div>
      <p className="small muted">{t(`par.help.${kind}`)}</p>
      <label className="check">
        <RunCheckbox checked={snap.migration} onToggle={(on) => sendCommand({ type: 'setMigration', on })} testId="par-migration" />
        <span>{t('par.migration')}</span>
      </label>
      {(stats?.migrations ?? 0) > 0 && <p className="small">{t('par.migrations', { n: stats?.migrations ?? 0 })}</p>}
      <p data-testid="par-current">
        {job ? t(job.smp ? 'par.currentSmp' : 'par.current', { kind: t(`par.kind.${job.kind}`), n: job.nodes, done: job.done, tasks: job.tasks, queued: job.queued, requeued: job.requeued }) : t('par.idle')}
        {job?.kind === 'sum' && ` ${t('par.currentSum', { i: job.iteration, total: 4 })}`}
        {job?.kind === 'checkpoint' && ` ${t('par.currentCkpt', { saved: s1(job.savedUs), lost: s1(job.lostUs) })}`}
        {job && job.kind !== 'checkpoint' && job.lostUs > 0 && ` ${t('par.currentLost', { lost: s2(job.lostUs) })}`}
      </p>
      {snap.queuedJobs.length > 0 && (
        <p className="small" data-testid="par-queued">
          {t('par.queuedJobs', { list: snap.queuedJobs.map((j) => `${t(`par.kind.${j.kind}`)} ×${j.smp ? 'SMP' : j.nodes}${j.smp && snap.smpDown ? ` (${t('par.waitingSmp')})` : ''}`).join(', ') })}
        </p>
      )}
      {lastFailed && <p className="small bad" data-testid="par-failure">{failureText(t, lastFailed)}</p>}
      <h3>{t('par.results')}</h3>
      {snap.results.length === 0 ? (
        <p className="small muted">{t('par.noResults')}</p>
      ) : (
        <div className="table-scroll">
        <table className="lb-table" data-testid="par-results">
          <thead>
            <tr>
              <th scope="col">{t('par.job')}</th>
              <th scope="col">{t('par.nodes')}</th>
              <th scope="col">{t('par.time')}</th>
              <th scope="col">{t('par.speedup')}</th>
              <th scope="col">{t('par.efficiency')}</th>
              <th scope="col">{t('par.amdahl')}</th>
              <th scope="col">{t('par.comm')}</th>
            </tr>
          </thead>
          <tbody>
            {snap.results.slice(-12).map((r, i) => {
              const b = base(r.kind);
              const sp = b && !r.failed ? b.timeUs / r.timeUs : null;
              return (
                <tr key={i}>
                  <td>{t(`par.kind.${r.kind}`)}</td>
                  <td className="num">{r.smp ? t('par.smpLabel', { n: r.nodes }) : r.nodes}</td>
                  <td className="num">{r.failed ? t('par.failedAt', { done: r.done, tasks: r.tasks }) : `${s1(r.timeUs)} s`}</td>
                  <td className="num">{sp ? `×${fmtNum(sp, 2)}` : '—'}</td>
                  <td className="num">{sp ? `${Math.round((sp / r.nodes) * 100)} %` : '—'}</td>
                  <td className="num">{r.kind === 'loop' ? `×${fmtNum(amdahl(snap.serialFraction, r.nodes), 2)}` : '—'}</td>
                  <td className="num">{r.kind === 'sum' && !r.failed ? `${s1(r.timeUs - r.compUs)} s` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      <h3>{t('par.procs')}</h3>
      {/* a farm over hundreds of nodes has as many processes: the table scrolls instead of lengthening the page */}
      <div className="table-scroll">
      <table className="lb-table" data-testid="par-procs">
        <thead>
          <tr>
            <th scope="col">{t('par.pid')}</th>
            <th scope="col">{t('par.node')}</th>
            <th scope="col">{t('par.task')}</th>
            <th scope="col">{t('par.state')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {/* running processes, then the latest casualties (they matter more), then the latest finished */}
          {[...snap.procs.filter((p) => p.state === 'running'), ...snap.procs.filter((p) => p.state === 'killed' || p.state === 'lost').slice(-4), ...snap.procs.filter((p) => p.state === 'done').slice(-4)].map((p) => (
            <tr key={p.pid}>
              <td className="num">{p.pid}</td>
              <td>{label(p.node)}</td>
              <td className="num">{p.task}</td>
              <td className={p.state === 'lost' || p.state === 'killed' ? 'bad' : p.state === 'running' ? 'ok' : ''}>{t(`par.state.${p.state}`)}</td>
              <td>
                {p.state === 'running' && (
                  <button type="button" onClick={() => void sendCommand({ type: 'killProcess', pid: p.pid })} data-testid={`par-kill-${p.pid}`}>
                    {t('par.kill')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
