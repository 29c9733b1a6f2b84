import { useEffect, useState } from 'react';
import { useLab } from '../store/labStore';
import { seekTo, stepBack, undoBranch } from '../store/timeTravel';
import { fmtNum, formatClock } from './format';
import { useT } from './useT';
import './share.css';

/**
 * The timeline under the graph: scrub to any moment already run, step back
 * one event, go back to the latest, and restore a future a change replaced.
 */
export function Timeline() {
  const t = useT();
  const nowUs = useLab((s) => s.view?.nowUs ?? 0);
  const events = useLab((s) => s.view?.eventsProcessed ?? 0);
  const tl = useLab((s) => s.timeline);
  const log = useLab((s) => s.commandLog);
  const seekMs = useLab((s) => s.lastSeekMs);
  const [drag, setDrag] = useState<number | null>(null);
  useStepBackKey();
  const headUs = Math.max(tl?.headUs ?? 0, nowUs);
  const inPast = !!tl && (events < tl.headEvent || nowUs < tl.headUs);
  const value = drag ?? nowUs;
  const scrub = (us: number) => {
    setDrag(us);
    seekTo({ us });
  };
  return (
    <section className="timeline panel" aria-label={t('time.title')} data-testid="timeline">
      <div className="timeline-row">
        <button type="button" onClick={stepBack} disabled={events === 0} title={t('time.backHint')} data-testid="step-back">
          |◀ {t('time.back')}
        </button>
        <span className="timeline-clock" aria-hidden="true">
          {formatClock(0)}
        </span>
        <div className="timeline-track">
          <input
            type="range"
            min={0}
            max={headUs}
            step={1}
            value={Math.min(value, headUs)}
            onChange={(e) => scrub(Number(e.target.value))}
            onPointerUp={() => setDrag(null)}
            onKeyUp={() => setDrag(null)}
            onBlur={() => setDrag(null)}
            aria-label={t('time.scrub')}
            aria-valuetext={formatClock(value)}
            title={t('time.scrub')}
            data-testid="scrub"
            data-head-us={headUs}
          />
          <div className="timeline-marks" aria-hidden="true">
            {headUs > 0 && log.map((c, i) => <span key={i} className="timeline-mark" style={{ left: `${(100 * Math.min(c.atUs, headUs)) / headUs}%` }} />)}
          </div>
        </div>
        <span className="timeline-clock" data-testid="head-clock">
          {t('time.head', { time: formatClock(headUs) })}
        </span>
        <button type="button" onClick={() => seekTo({ event: tl?.headEvent ?? events, us: tl?.headUs ?? nowUs })} disabled={!inPast} title={t('time.toHeadHint')} data-testid="to-head">
          {t('time.toHead')} ▶|
        </button>
        {(tl?.undoDepth ?? 0) > 0 && (
          <button type="button" onClick={undoBranch} title={t('time.undoHint')} data-testid="undo-branch">
            ↶ {t('time.undo')}
          </button>
        )}
      </div>
      <p className="timeline-status small muted" aria-live="polite">
        {inPast && <span data-testid="in-past">{t('time.past')} </span>}
        {tl && tl.ahead > 0 && <span>{t('time.ahead', { n: tl.ahead })} </span>}
        {!inPast && (tl?.undoDepth ?? 0) > 0 && <span>{t('time.branched')} </span>}
        {seekMs !== null && <span data-testid="seek-ms">{t('time.seekMs', { ms: fmtNum(seekMs, 1) })}</span>}
      </p>
    </section>
  );
}

/** Left arrow steps back one event, as Right arrow steps forward; keys typed into a form control are left to it. */
function useStepBackKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.key !== 'ArrowLeft') return;
      const el = e.target as HTMLElement | null;
      const tag = el?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el?.isContentEditable) return;
      e.preventDefault();
      stepBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
