import { LIMITS } from '../protocol';
import { setSpeed, step, togglePlay } from '../store/actions';
import { useLab } from '../store/labStore';
import { fmtNum, formatClock } from './format';
import { SkipAhead } from './SkipAhead';
import { useT } from './useT';

const LOG_MIN = Math.log10(LIMITS.speed.min);
const LOG_MAX = Math.log10(LIMITS.speed.max);

/** Rounds a speed to a tidy value (0.1, 0.25, 1, 2.5, 10, 100...) so the label reads well. */
function tidy(speed: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(speed)));
  const m = speed / p;
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  const best = steps.reduce((a, b) => (Math.abs(b - m) < Math.abs(a - m) ? b : a));
  return Math.min(LIMITS.speed.max, Math.max(LIMITS.speed.min, Number((best * p).toPrecision(3))));
}

/** Play/pause, single step, a logarithmic speed control and the simulated clock. */
export function Controls() {
  const t = useT();
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const nowUs = useLab((s) => s.view?.nowUs ?? 0);
  const events = useLab((s) => s.view?.eventsProcessed ?? 0);
  const hash = useLab((s) => s.view?.traceHash ?? '');
  const lagging = useLab((s) => s.playing && s.lagUs > 50_000 * s.speed);
  return (
    <div className="controls" role="toolbar" aria-label={t('controls.speed')}>
      <button type="button" className="primary" onClick={togglePlay} title={t('controls.playHint')} data-testid="play">
        {playing ? `❚❚ ${t('controls.pause')}` : `▶ ${t('controls.play')}`}
      </button>
      <button type="button" onClick={step} title={t('controls.stepHint')} data-testid="step">
        ▶| {t('controls.step')}
      </button>
      <label className="speed">
        <span>{t('controls.speed')}</span>
        <input
          type="range"
          min={LOG_MIN}
          max={LOG_MAX}
          step={0.01}
          value={Math.log10(speed)}
          onChange={(e) => void setSpeed(tidy(Math.pow(10, Number(e.target.value))))}
          aria-valuetext={`${speed}×`}
          data-testid="speed"
        />
        <output data-testid="speed-value">{speed}×</output>
      </label>
      <div className="clock" aria-live="off">
        <span className="clock-label">{t('controls.clock')}</span>
        <span className="clock-value" data-testid="clock" data-us={nowUs}>
          {formatClock(nowUs)}
        </span>
      </div>
      <div className="clock">
        <span className="clock-label">{t('controls.events')}</span>
        <span className="clock-value" data-testid="event-count" data-hash={hash}>
          {fmtNum(events)}
        </span>
      </div>
      <SkipAhead />
      {lagging && <span className="lagging">{t('controls.lagging')}</span>}
    </div>
  );
}
