import { dismissNotice } from '../store/actions';
import { useLab } from '../store/labStore';
import { useT } from './useT';
import { isKey } from '../i18n';
import { inUiUnits } from './format';

/** Refused commands and bad input, explained; each can be dismissed. */
export function Notices() {
  const t = useT();
  const notices = useLab((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert" data-testid="notices">
      {notices.map((n) => {
        const params = { ...n.params };
        // a range error names engine units; show them in the units the controls use
        const field = String(params.field);
        for (const k of ['min', 'max', 'value'] as const) if (k in params) params[k] = inUiUnits(field, params[k]!);
        const fieldKey = `field.${field}`;
        if (isKey(fieldKey)) params.field = t(fieldKey);
        return (
          <div className="notice" key={n.id}>
            <strong>{t('error.title')}:</strong> <span>{t(n.key, params)}</span>
            <button type="button" onClick={() => dismissNotice(n.id)} aria-label={t('error.dismiss')}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
