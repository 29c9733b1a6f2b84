import { MESSAGE_COLORS } from '../render/palette';
import { msgKind } from './format';
import { useT } from './useT';

/** What the colours of moving dots mean. */
export function Legend() {
  const t = useT();
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <ul>
        {MESSAGE_COLORS.map((c, kind) => (
          <li key={kind}>
            <span className="swatch" style={{ background: c }} aria-hidden="true" />
            {msgKind(t, kind)}
          </li>
        ))}
      </ul>
    </section>
  );
}
