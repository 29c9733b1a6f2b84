import { useEffect, useState } from 'react';
import { useLab } from '../store/labStore';

/**
 * How many of the page's groups of panels are mounted (0 to `stages`). None
 * before the graph's first picture has been painted (the store's panelView,
 * see labStore's panelsAfterPaint); then one more group per animation frame,
 * so that no one task renders, lays out and paints every panel at once
 * (together that was a long task of a few hundred ms on a busy machine).
 * Once all are up they stay up, also while another scenario loads.
 */
export function useStagedMount(stages: number): number {
  const started = useLab((s) => s.panelView !== null);
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (!(started || stage > 0) || stage >= stages) return;
    let timer = 0;
    // after the next frame is painted, in a task of its own
    const frame = requestAnimationFrame(() => {
      // not a transition: frames arriving at 60 Hz would interrupt it for ever on a big scenario
      timer = window.setTimeout(() => setStage((s) => Math.min(stages, s + 1)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [started, stage, stages]);
  return stage;
}
