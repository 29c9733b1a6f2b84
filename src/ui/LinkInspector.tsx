import { useCallback, useState, type FormEvent } from 'react';
import { LF, LINK_STRIDE, type TraceEvent } from '../protocol';
import { sendCommand } from '../store/actions';
import { useLab } from '../store/labStore';
import { localDecimal, nodeLabel, UNITS } from './format';
import { RecentEvents } from './RecentEvents';
import { useT } from './useT';
import type { MessageKey } from '../i18n';

const FIELDS: { field: 'latencyUs' | 'jitterUs' | 'bandwidthBps' | 'lossRate'; label: MessageKey }[] = [
  { field: 'latencyUs', label: 'inspector.latency' },
  { field: 'jitterUs', label: 'inspector.jitter' },
  { field: 'bandwidthBps', label: 'inspector.bandwidth' },
  { field: 'lossRate', label: 'inspector.loss' },
];

/** A link's state and settings; the values are checked by the engine, which explains any refusal. */
export function LinkInspector({ index }: { index: number }) {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const view = useLab((s) => s.panelView);
  const link = topo?.links[index];
  const match = useCallback((e: TraceEvent) => e.link === index, [index]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  if (!link || !view) return null;
  const f = (k: keyof typeof LF) => view.links[index * LINK_STRIDE + LF[k]] ?? 0;
  const cut = f('cut') === 1;
  const state = cut ? t('inspector.linkCut') : f('partitioned') ? t('inspector.linkPartitioned') : t('inspector.linkUp');
  const shown = (field: string) => draft[field] ?? localDecimal(f(field as keyof typeof LF) * UNITS[field]!.scale);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const cmd: Record<string, number> = {};
    for (const { field } of FIELDS) if (draft[field] !== undefined) cmd[field] = Number(draft[field].replace(',', '.')) / UNITS[field]!.scale;
    setDraft({});
    void sendCommand({ type: 'setLink', link: link.id, ...cmd });
  };
  return (
    <div data-testid="inspector-link">
      <h3 className="inspected">
        {nodeLabel(topo, link.a)} ↔ {nodeLabel(topo, link.b)}
      </h3>
      <dl className="facts">
        <dt>{t('inspector.state')}</dt>
        <dd className={f('up') ? 'ok' : 'bad'} data-testid="link-state">
          {state}
        </dd>
        <dt>{t('inspector.inFlight')}</dt>
        <dd>{f('inFlight')}</dd>
        <dt>{t('inspector.queued')}</dt>
        <dd>{f('queued')}</dd>
        <dt>{t('inspector.delivered')}</dt>
        <dd data-testid="link-delivered">{f('delivered')}</dd>
        <dt>{t('inspector.lost')}</dt>
        <dd>{f('dropped')}</dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className={cut ? 'primary' : 'danger'}
          onClick={() => void sendCommand({ type: cut ? 'restoreLink' : 'cutLink', link: link.id })}
          data-testid={cut ? 'restore-link' : 'cut-link'}
        >
          {cut ? t('inspector.restore') : t('inspector.cut')}
        </button>
      </div>
      <form className="settings" onSubmit={apply}>
        <h3>{t('inspector.settings')}</h3>
        {FIELDS.map(({ field, label }) => (
          <label key={field}>
            <span>{t(label)}</span>
            <input
              inputMode="decimal"
              value={shown(field)}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
              data-testid={`link-${field}`}
            />
          </label>
        ))}
        <button type="submit" data-testid="apply-link">
          {t('inspector.apply')}
        </button>
      </form>
      <RecentEvents match={match} />
    </div>
  );
}
