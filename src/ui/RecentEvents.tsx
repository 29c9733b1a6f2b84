import { useMemo } from 'react';
import type { TraceEvent } from '../protocol';
import { highlightEvent } from '../store/actions';
import { useLab } from '../store/labStore';
import { describeEvent, formatClock } from './format';
import { useT } from './useT';

const SHOWN = 8;

/** The latest events touching one node or link, newest first. */
export function RecentEvents({ match }: { match: (e: TraceEvent) => boolean }) {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const cluster = useLab((s) => s.panelView?.models.cluster);
  const events = useLab((s) => s.events);
  const recent = useMemo(() => {
    const out: TraceEvent[] = [];
    for (let i = events.length - 1; i >= 0 && out.length < SHOWN; i--) if (match(events[i]!)) out.push(events[i]!);
    return out;
  }, [events, match]);
  return (
    <div className="recent">
      <h3>{t('inspector.recent')}</h3>
      {recent.length === 0 ? (
        <p className="muted">{t('inspector.noRecent')}</p>
      ) : (
        <ol>
          {recent.map((e) => (
            <li key={e.seq}>
              <button type="button" className="link-like" onClick={() => highlightEvent(e)}>
                <span className="time">{formatClock(e.t)}</span> {describeEvent(t, topo, e, cluster)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
