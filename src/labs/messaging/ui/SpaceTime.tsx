import { useEffect, useRef, useState } from 'react';
import { MP_MSG, TX, TX_STRIDE, type TraceEvent } from '../../../protocol';
import { MESSAGE_COLORS } from '../../../render/palette';
import { highlightEvent, selectMessage } from '../../../store/actions';
import { useLab, type LabState } from '../../../store/labStore';
import { msgKind } from '../../../ui/format';
import { useT } from '../../../ui/useT';
import { drawSpaceTime, heightFor, hitTest, type Hit, type StCounts } from './spaceTimeDraw';
import type { MpSnapshot } from './types';
import './messaging.css';

const WINDOWS = [0.25, 0.5, 1, 2, 5, 10, 30];

/** The kernel's id of a transmission: known once it arrived, else found among the logged "sent" events. */
function kernelId(d: Float64Array, o: number, procNode: (p: number) => number, events: TraceEvent[]): number {
  const kid = d[o + TX.kid]!;
  if (kid >= 0) return kid;
  const t = d[o + TX.tSend]!;
  const node = procNode(d[o + TX.from]!);
  const peer = procNode(d[o + TX.to]!);
  const kind = d[o + TX.kind]!;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.t < t) break;
    if (e.type === 'messageSent' && e.t === t && e.node === node && e.peer === peer && e.b === kind) return e.msg;
  }
  return -1;
}

/** The serial of the transmission whose kernel id is `kid` (-1 if not in the ring). */
function serialOf(snap: MpSnapshot, kid: number, events: TraceEvent[]): number {
  const d = snap.diagram.tx;
  const node = (p: number) => snap.procs[p]?.node ?? -1;
  for (let o = d.length - TX_STRIDE; o >= 0; o -= TX_STRIDE) if (d[o + TX.kid] === kid) return d[o + TX.uid]!;
  const sent = events.find((e) => e.type === 'messageSent' && e.msg === kid);
  if (!sent) return -1;
  for (let o = d.length - TX_STRIDE; o >= 0; o -= TX_STRIDE) {
    if (d[o + TX.tSend] === sent.t && node(d[o + TX.from]!) === sent.node && d[o + TX.kind] === sent.b) return d[o + TX.uid]!;
  }
  return -1;
}

/**
 * The space-time (Lamport) diagram of the messaging lab: one line per
 * process, time to the right, on the simulation's clock. It redraws on every
 * frame outside React and draws only the visible window. Hovering an arrow
 * selects that message (inspector, graph, log); choosing a message elsewhere
 * highlights its arrow here.
 */
export function SpaceTime() {
  const t = useT();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const hits = useRef<Hit[]>([]);
  const redraw = useRef<() => void>(() => undefined);
  const [win, setWin] = useState(1);
  const [follow, setFollow] = useState(true);
  const [endUs, setEndUs] = useState(0);
  const [hover, setHover] = useState<{ serial: number; text: string } | null>(null);
  const opts = useRef({ win, follow, endUs, hover: -1, t });
  opts.current = { win, follow, endUs, hover: hover?.serial ?? -1, t };
  const rows = useLab((s) => s.view?.models.messaging?.procs.length ?? 0);

  useEffect(() => {
    const el = canvas.current;
    const box = wrap.current;
    if (!el || !box) return;
    let last: LabState | null = null;
    const draw = (s: LabState) => {
      const snap = s.view?.models.messaging;
      const ctx = el.getContext('2d');
      if (!snap || !ctx || !s.view) return;
      last = s;
      const o = opts.current;
      const width = box.clientWidth;
      const height = heightFor(snap.procs.length);
      const dpr = window.devicePixelRatio || 1;
      if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
        el.width = Math.round(width * dpr);
        el.height = Math.round(height * dpr);
        el.style.width = `${width}px`;
        el.style.height = `${height}px`;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const now = s.view.nowUs;
      const t1 = o.follow ? now : Math.min(now, o.endUs);
      const t0 = t1 - o.win * 1e6;
      const sel = s.highlight?.type.startsWith('message') ? s.highlight.msg : s.selection?.kind === 'message' ? Number(s.selection.id) : -1;
      const highlight = o.hover >= 0 ? o.hover : sel >= 0 ? serialOf(snap, sel, s.events) : -1;
      const r = drawSpaceTime(ctx, snap.procs.map((p) => p.label), snap.diagram, { width, t0, t1, nowUs: now, highlight });
      hits.current = r.hits;
      writeCounts(box, r.counts);
      box.dataset.highlight = String(highlight);
      el.setAttribute('aria-label', o.t('st.aria', { n: r.counts.messages, lost: r.counts.lost, re: r.counts.retransmits }));
    };
    const unsub = useLab.subscribe((s, prev) => {
      if (s.view !== prev.view || s.highlight !== prev.highlight || s.selection !== prev.selection) draw(s);
    });
    redraw.current = () => draw(useLab.getState());
    const ro = new ResizeObserver(() => draw(last ?? useLab.getState()));
    ro.observe(box);
    draw(useLab.getState());
    return () => {
      unsub();
      ro.disconnect();
    };
  }, []);

  // settings changes redraw at once, even when paused
  useEffect(() => redraw.current(), [win, follow, endUs, hover, t]);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const serial = hitTest(hits.current, e.clientX - r.left, e.clientY - r.top);
    if (serial === (hover?.serial ?? -1)) return;
    if (serial < 0) return setHover(null);
    const s = useLab.getState();
    const snap = s.view?.models.messaging;
    if (!snap) return;
    const d = snap.diagram.tx;
    let o = -1;
    for (let k = 0; k < d.length; k += TX_STRIDE) if (d[k + TX.uid] === serial) o = k;
    if (o < 0) return;
    const label = (p: number) => snap.procs[p]?.label ?? '?';
    setHover({ serial, text: t('st.hover', { id: serial, kind: msgKind(t, d[o + TX.kind]!), from: label(d[o + TX.from]!), to: label(d[o + TX.to]!) }) });
    const kid = kernelId(d, o, (p) => snap.procs[p]?.node ?? -1, s.events);
    if (kid < 0) return;
    const ev = s.events.find((x) => x.msg === kid && x.type === 'messageSent') ?? s.events.find((x) => x.msg === kid && x.type.startsWith('message'));
    void selectMessage(kid);
    if (ev) highlightEvent(ev);
  };

  const details = useLab((s) => s.messageDetails);
  const now = useLab((s) => Math.floor((s.panelView?.nowUs ?? 0) / 100_000) * 100_000);
  return (
    <section className="panel spacetime" aria-labelledby="st-title">
      <div className="st-head">
        <h2 id="st-title">{t('st.title')}</h2>
        <label>
          <span>{t('st.window')}</span>
          <select value={win} onChange={(e) => setWin(Number(e.target.value))} data-testid="st-window">
            {WINDOWS.map((w) => <option key={w} value={w}>{w}</option>)}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={follow} onChange={(e) => { setFollow(e.target.checked); setEndUs(useLab.getState().view?.nowUs ?? 0); }} data-testid="st-follow" />
          <span>{t('st.follow')}</span>
        </label>
        {!follow && (
          <input type="range" min={Math.max(0, now - 60e6)} max={now} step={10_000} value={Math.min(endUs, now)} onChange={(e) => setEndUs(Number(e.target.value))} aria-label={t('st.window')} data-testid="st-scroll" />
        )}
        <ul className="st-legend small">
          <li><span className="sw blocked-send" />{t('pstate.2')}</li>
          <li><span className="sw blocked-recv" />{t('pstate.3')}</li>
          <li><span className="mark lost">✕</span>{t('st.lost')}</li>
          <li><span className="mark">↻</span>{t('st.retransmission')}</li>
          <li><span className="mark">|</span>{t('st.discarded')}</li>
          <li><span className="mark call">⌐¬</span>{t('st.call')}</li>
          <li><span className="mark ok">◆ ϟ</span>{t('st.signal')}</li>
          <li><span className="mark lost">⚠</span>{t('st.failure')}</li>
        </ul>
        <ul className="st-legend small" aria-label={t('st.kinds')}>
          {[...new Set(Object.values(MP_MSG))].map((k) => (
            <li key={k}><span className="sw" style={{ background: MESSAGE_COLORS[k] }} />{msgKind(t, k)}</li>
          ))}
        </ul>
      </div>
      <div className="st-canvas" ref={wrap} data-testid="spacetime" style={{ minHeight: heightFor(rows) }}>
        <canvas ref={canvas} onMouseMove={onMove} onMouseLeave={() => setHover(null)} role="img" />
      </div>
      <p className="small st-hover" aria-live="polite" data-testid="st-hover">
        {hover?.text ?? '\u00a0'}
        {hover && details?.mpText !== undefined && ` — ${t('st.carried', { text: String(details.mpText) })}`}
        {hover && details?.mpSeq !== undefined && ` · ${t('st.seq', { seq: details.mpSeq })}`}
      </p>
      {hover && details?.mpEncoded !== undefined && <pre className="code small">{String(details.mpEncoded)}</pre>}
    </section>
  );
}

/** The counts of what is in view, as attributes (for tests and assistive summaries) without re-rendering React. */
function writeCounts(el: HTMLElement, c: StCounts): void {
  el.dataset.messages = String(c.messages);
  el.dataset.lost = String(c.lost);
  el.dataset.retransmits = String(c.retransmits);
  el.dataset.blocked = String(c.blocked);
  el.dataset.calls = String(c.calls);
}
