import { select } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { nodeLabel } from '../../../ui/format';
import { useT } from '../../../ui/useT';
import type { MpModule, MpProc, MpSnapshot } from './types';

/** The message-passing module (MP-MODULE) of the selected machine: send queue, unacknowledged messages, reorder buffer, receive buffers. */
export function ModuleView({ modules, procs, rto }: { modules: MpModule[]; procs: MpProc[]; rto: MpSnapshot['rto'] }) {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const selection = useLab((s) => s.selection);
  const hosts = [...new Set(procs.map((p) => p.node))];
  const selected = selection?.kind === 'node' ? (topo?.nodes.findIndex((n) => n.id === selection.id) ?? -1) : -1;
  const node = hosts.includes(selected) ? selected : -1;
  const mod = modules.find((m) => m.node === node);
  const more = (shown: number, total: number) => (total > shown ? <li className="muted">{t('mp.more', { n: total - shown })}</li> : null);
  const none = <li className="muted">{t('mp.none')}</li>;
  return (
    <div className="mp-module" data-testid="mp-module">
      <label>
        <span>{t('mp.module', { node: '' })}</span>
        <select value={node} onChange={(e) => { const id = topo?.nodes[Number(e.target.value)]?.id; if (id) select({ kind: 'node', id }); }} data-testid="mp-module-node">
          <option value={-1}>—</option>
          {hosts.map((h) => (
            <option key={h} value={h}>
              {nodeLabel(topo, h)}
            </option>
          ))}
        </select>
      </label>
      {node < 0 && <p className="muted small">{t('mp.selectNode')}</p>}
      {node >= 0 && (
        <div className="mp-module-grid">
          <div>
            <h4>{t('mp.queue')}</h4>
            <ul className="mp-list" data-testid="mp-queue">
              {mod?.queue.length ? mod.queue.map((q) => <li key={q.uid}>{t('mp.queueRow', { seq: q.seq >= 0 ? q.seq : '–', to: q.to, text: q.text })}</li>) : none}
              {mod && more(mod.queue.length, mod.queued)}
            </ul>
          </div>
          <div>
            <h4>{t('mp.unacked')}</h4>
            <ul className="mp-list" data-testid="mp-unacked">
              {mod?.unacked.length ? mod.unacked.map((u) => <li key={u.uid}>{t('mp.unackedRow', { seq: u.seq, to: u.to, tries: u.tries, ms: Math.round(u.rtoUs / 1000) })}</li>) : none}
              {mod && more(mod.unacked.length, mod.unackedCount)}
            </ul>
            {mod && mod.rtoUs.length > 0 && <p className="small muted">{t('mp.rto', { ms: Math.round(mod.rtoUs[0]! / 1000) })}</p>}
          </div>
          <div>
            <h4>{t('mp.reorder')}</h4>
            <ul className="mp-list" data-testid="mp-reorder">
              {mod?.reorder.length ? mod.reorder.map((r) => <li key={`${r.from}-${r.seq}`}>{t('mp.reorderRow', { seq: r.seq, from: r.from, expected: r.expected, text: r.text })}</li>) : none}
            </ul>
          </div>
          <div>
            <h4>{t('mp.mailboxes')}</h4>
            <ul className="mp-list" data-testid="mp-mailboxes">
              {mod?.mailboxes.some((b) => b.count > 0)
                ? mod.mailboxes.filter((b) => b.count > 0).map((b) => <li key={b.proc}>{t('mp.mailboxRow', { proc: b.proc, items: b.items.join(' · ') })}</li>)
                : none}
            </ul>
          </div>
        </div>
      )}
      {/* the timer is shown here, so the rule it follows (RFC 6298 or Linux) and the lab's shortcuts are too */}
      {node >= 0 && (
        <p className="small muted" data-testid="mp-rto-rule">
          {t('mp.rtoRule')} {t('mp.rtoHere', { init: rto.initUs >= 1_000_000 ? `${rto.initUs / 1e6} s` : `${rto.initUs / 1000} ms`, min: rto.minUs / 1000, max: rto.maxUs / 1e6, retries: rto.maxRetries })}
          {rto.initUs !== 1_000_000 && ` ${t('mp.rtoInitScaled', { init: rto.initUs / 1000 })}`}
        </p>
      )}
    </div>
  );
}
