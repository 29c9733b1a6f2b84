import { useLab } from '../store/labStore';
import { fmtNum, msgKind, nodeLabel } from './format';
import { useT } from './useT';
import { isKey } from '../i18n';

/** What one message carried: its kind, route, size and, for SQL, the query text and rows. */
export function MessageInspector({ id }: { id: string }) {
  const t = useT();
  const d = useLab((s) => s.messageDetails);
  const topo = useLab((s) => s.topology);
  const known = useLab((s) => s.selection?.kind === 'message');
  if (!known) return null;
  if (!d) return <p className="muted">{t('msgd.loading')}</p>;
  if (d.forgotten) return <p className="muted">{t('msgd.forgotten')}</p>;
  const cls = `class.${String(d.processing)}`;
  return (
    <div data-testid="inspector-message">
      <h3 className="inspected">{t('msgd.title', { id })}</h3>
      <dl className="facts">
        <dt>{t('msgd.kind')}</dt>
        <dd>{msgKind(t, Number(d.kind))}</dd>
        <dt>{t('msgd.route')}</dt>
        <dd>
          {nodeLabel(topo, Number(d.src))} → {nodeLabel(topo, Number(d.dst))}
        </dd>
        <dt>{t('msgd.bytes')}</dt>
        <dd>{fmtNum(Number(d.bytes))} B</dd>
        {d.transaction !== undefined && (
          <>
            <dt>{t('msgd.transaction')}</dt>
            <dd>#{d.transaction}</dd>
            <dt>{t('msgd.processing')}</dt>
            <dd>{isKey(cls) ? t(cls) : String(d.processing)}</dd>
            <dt>{t('msgd.query')}</dt>
            <dd>{t('msgd.queryText', { customer: d.customer ?? '', minTotal: d.minTotal ?? '' })}</dd>
          </>
        )}
        {d.rows !== undefined && (
          <>
            <dt>{t('msgd.rows')}</dt>
            <dd data-testid="message-rows">{d.rows}</dd>
          </>
        )}
      </dl>
      {d.sql !== undefined && (
        <>
          <h3>{t('msgd.sql')}</h3>
          <pre className="code" data-testid="message-sql">{String(d.sql)}</pre>
        </>
      )}
      {d.request !== undefined && (
        <>
          <h3>{t('msgd.request')}</h3>
          <pre className="code">{String(d.request)}</pre>
        </>
      )}
    </div>
  );
}
