import { useEffect, useState } from 'react';
import { cancelSkip, skipAhead } from '../store/actions';
import { useLab } from '../store/labStore';
import { fmtNum } from './format';
import { useT } from './useT';

const MINUTE_US = 60_000_000;
/** The jumps offered: a minute, ten minutes, an hour of simulated time. */
const JUMPS = [
  { us: MINUTE_US, key: 'skip.minute' },
  { us: 10 * MINUTE_US, key: 'skip.tenMinutes' },
  { us: 60 * MINUTE_US, key: 'skip.hour' },
] as const;
/** A skip shorter than this needs no progress bar: it is over before the bar could be read. */
const SHOW_AFTER_MS = 500;

/** Skip ahead buttons and, while a long skip runs, its progress with a way to stop it. */
export function SkipAhead() {
  const t = useT();
  const skip = useLab((s) => s.skip);
  const nowUs = useLab((s) => s.view?.nowUs ?? 0);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    setShown(false);
    if (!skip) return;
    const timer = setTimeout(() => setShown(true), Math.max(0, SHOW_AFTER_MS - (performance.now() - skip.sinceMs)));
    return () => clearTimeout(timer);
  }, [skip]);
  if (skip && shown) {
    const done = Math.min(1, Math.max(0, (nowUs - skip.fromUs) / (skip.toUs - skip.fromUs)));
    const pct = Math.floor(done * 100);
    return (
      <div className="skip-progress" role="status" data-testid="skip-progress">
        <span>{t('skip.running')}</span>
        <progress max={100} value={pct} aria-label={t('skip.running')} />
        <span className="skip-pct">{fmtNum(pct)} %</span>
        <button type="button" onClick={cancelSkip} data-testid="skip-cancel">
          {t('skip.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="skip" role="group" aria-label={t('skip.label')}>
      <span className="skip-label" title={t('skip.hint')}>
        {t('skip.label')}
      </span>
      {JUMPS.map((j) => (
        <button key={j.key} type="button" disabled={skip !== null} onClick={() => skipAhead(j.us)} title={t('skip.hint')} data-testid={`skip-${j.us / MINUTE_US}`}>
          {t(j.key)}
        </button>
      ))}
    </div>
  );
}
