import { useState, type FormEvent } from 'react';
import { CLASSES, FAT, THIN, type ProcessingClass, type StatName } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, formatMs } from '../../../ui/format';
import { useT } from '../../../ui/useT';

/** The default class of processing as the model reports it. */
export function useDefaultClass(): ProcessingClass {
  return useLab((s) => CLASSES[s.panelView?.models.clientserver?.defaultClass ?? 1] ?? 'server');
}

/**
 * The client/server controls: class of processing for all clients (and the
 * fat/thin shortcut), number of clients, think time, and the three costs of
 * fat clients a person can try: a heavier feature, desktop upgrades, a deployment.
 */
export function ProcessingPanel() {
  const t = useT();
  const current = useDefaultClass();
  const stats = useLab((s) => s.panelView?.stats);
  const clients = useLab((s) => s.topology?.nodes.filter((n) => n.kind === 'client' && !n.removed).length ?? 0);
  const [draft, setDraft] = useState<{ clients?: string; think?: string }>({});
  if (!stats) return null;
  const setAll = (cls: ProcessingClass) => void sendCommand({ type: 'setClass', cls });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.clients !== undefined) void sendCommand({ type: 'setClients', count: Number(draft.clients) });
    if (draft.think !== undefined) void sendCommand({ type: 'setThinkTime', thinkTimeUs: Number(draft.think.replace(',', '.')) * 1_000_000 });
    setDraft({});
  };
  const s = (k: StatName) => stats[k] ?? 0;
  return (
    <section className="panel processing" aria-labelledby="proc-title" data-testid="processing-panel">
      <h2 id="proc-title">{t('proc.title')}</h2>
      <fieldset className="classes">
        <legend>{t('proc.class')}</legend>
        {CLASSES.map((c) => (
          <button key={c} type="button" aria-pressed={current === c} className={current === c ? 'primary' : ''} onClick={() => setAll(c)} data-testid={`class-${c}`}>
            {t(`class.${c}`)}
          </button>
        ))}
      </fieldset>
      <div className="fat-thin" role="group" aria-label={t('proc.fatThin')}>
        <span className="muted">{t('proc.fatThin')}:</span>
        <button type="button" aria-pressed={current === FAT} onClick={() => setAll(FAT)} data-testid="fat">
          {t('proc.fat')}
        </button>
        <button type="button" aria-pressed={current === THIN} onClick={() => setAll(THIN)} data-testid="thin">
          {t('proc.thin')}
        </button>
      </div>
      <form className="proc-settings" onSubmit={apply}>
        <label>
          <span>{t('proc.clients')}</span>
          <input inputMode="numeric" value={draft.clients ?? String(clients)} onChange={(e) => setDraft({ ...draft, clients: e.target.value })} data-testid="clients" />
        </label>
        <label>
          <span>{t('proc.think')}</span>
          <input inputMode="decimal" value={draft.think ?? String(s('thinkTimeUs') / 1_000_000)} onChange={(e) => setDraft({ ...draft, think: e.target.value })} data-testid="think" />
        </label>
        <button type="submit" data-testid="apply-proc">
          {t('proc.apply')}
        </button>
      </form>
      <p className="small" data-testid="per-tx">
        {t('proc.perTx', {
          bytes: fmtNum(Math.round(s('bytesPerTx'))),
          msgs: fmtNum(s('messagesPerTx'), 1),
          server: formatMs(s('serverCpuPerTxUs')),
          client: formatMs(s('clientCpuPerTxUs')),
        })}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void sendCommand({ type: 'addFeature' })} data-testid="add-feature">
          {t('proc.feature')}
        </button>
        <button type="button" onClick={() => void sendCommand({ type: 'upgradeClients' })} data-testid="upgrade">
          {t('proc.upgrade')}
        </button>
        <button type="button" onClick={() => void sendCommand({ type: 'deploy' })} data-testid="deploy">
          {t('proc.deploy')}
        </button>
      </div>
      <ul className="small proc-status">
        {s('feature') > 1 && <li>{t('proc.featureNow', { n: s('feature') })}</li>}
        {s('clientUpgrades') > 0 && <li>{t('proc.upgrades', { n: s('clientUpgrades') })}</li>}
        {s('deployPending') > 0 && <li data-testid="deploy-status">{t('proc.deployRunning', { pending: s('deployPending'), touched: s('deployTouched') })}</li>}
        {s('deployPending') === 0 && s('deployRounds') > 0 && (
          <li data-testid="deploy-status">
            {t('proc.deployDone', { touched: s('deployTouched'), mb: Math.round(s('deployBytes') / 1_000_000), s: fmtNum(s('deployDurationUs') / 1_000_000, 1) })}
          </li>
        )}
      </ul>
      <p className="muted small">{t('proc.explain')}</p>
    </section>
  );
}
