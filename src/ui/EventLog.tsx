import { useMemo, useState } from 'react';
import type { TraceEvent } from '../protocol';
import { highlightEvent, select, selectMessage } from '../store/actions';
import { jumpToEvent } from '../store/timeTravel';
import { useLab } from '../store/labStore';
import { describeEvent, fmtNum, formatClock } from './format';
import { useT } from './useT';
import { useWindowedList } from './useWindowedList';
import { isKey } from '../i18n';

/** Height of one row in px (fixed, so the list can draw only the rows in view). */
const ROW_H = 22;

/** What happened, newest first, filterable by machine and by event type, linked to the graph. */
export function EventLog() {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const cluster = useLab((s) => s.panelView?.models.cluster);
  const events = useLab((s) => s.events);
  const skipped = useLab((s) => s.skippedEvents);
  const highlight = useLab((s) => s.highlight);
  const [node, setNode] = useState(-1);
  const [type, setType] = useState('');
  const types = useMemo(() => [...new Set(events.map((e) => e.type))].sort(), [events]);
  // every kept event that matches the filters, newest first; only those in view become elements
  const rows = useMemo(() => {
    const out: TraceEvent[] = [];
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (node >= 0 && e.node !== node && e.peer !== node) continue;
      if (type && e.type !== type) continue;
      out.push(e);
    }
    return out;
  }, [events, node, type]);
  const seqs = useMemo(() => rows.map((e) => e.seq), [rows]);
  const { box, onScroll, first, last, padding } = useWindowedList(seqs, ROW_H);
  const choose = (e: TraceEvent) => {
    if (e.type.startsWith('message') && e.msg >= 0) {
      void selectMessage(e.msg);
      highlightEvent(e);
      return;
    }
    const n = topo?.nodes[e.node];
    const l = e.link >= 0 ? topo?.links[e.link] : undefined;
    if (n && !n.removed) select({ kind: 'node', id: n.id });
    else if (l && !l.removed) select({ kind: 'link', id: l.id });
    highlightEvent(e);
  };
  // the chosen event becomes the newest: the log goes back to its top, where it now is
  const jump = (e: TraceEvent) => {
    jumpToEvent(e);
    box.current?.scrollTo({ top: 0 });
  };
  return (
    <section className="panel log" aria-labelledby="log-title">
      <div className="log-head">
        <h2 id="log-title">{t('log.title')}</h2>
        <label>
          <span>{t('log.filterNode')}</span>
          <select value={node} onChange={(e) => setNode(Number(e.target.value))} data-testid="log-node">
            <option value={-1}>{t('log.allNodes')}</option>
            {topo?.nodes.map((n, i) => (
              <option key={n.id} value={i}>
                {n.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('log.filterType')}</span>
          <select value={type} onChange={(e) => setType(e.target.value)} data-testid="log-type">
            <option value="">{t('log.allTypes')}</option>
            {types.map((ty) => {
              const key = `type.${ty}`;
              return (
                <option key={ty} value={ty}>
                  {isKey(key) ? t(key) : ty}
                </option>
              );
            })}
          </select>
        </label>
      </div>
      {skipped > 0 && <p className="muted small">{t('log.skipped', { n: fmtNum(skipped) })}</p>}
      <div className="log-scroll" ref={box} onScroll={onScroll}>
        <ol className="log-rows" data-testid="log-rows" style={padding} data-rows={rows.length}>
          {rows.length === 0 && <li className="muted">{t('log.empty')}</li>}
          {rows.slice(first, last).map((e) => {
            const text = describeEvent(t, topo, e, cluster);
            return (
              <li key={e.seq} className={`${e.type}${highlight?.seq === e.seq ? ' chosen' : ''}`}>
                <button type="button" onClick={() => choose(e)} data-type={e.type} title={text}>
                  <span className="time">{formatClock(e.t)}</span>
                  <span>{text}</span>
                </button>
                <button type="button" className="jump" onClick={() => jump(e)} title={t('time.jumpHint')} aria-label={t('time.jump')} data-testid="jump">
                  ⤺
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
