import { MESSAGE_COLORS } from '../render/palette';
import { LAB_KINDS } from '../protocol';
import { useLab } from '../store/labStore';
import { msgKind } from './format';
import { useT } from './useT';

/** What the colours of moving dots mean, for the models of the current scenario. */
export function Legend() {
  const t = useT();
  const models = useLab((s) => Object.keys(s.panelView?.models ?? {}).join());
  // the kinds each lab's model sends, from the labs' table (engine/messageKinds.ts)
  const kinds = [...new Set(Object.entries(LAB_KINDS).flatMap(([model, k]) => (models.split(',').includes(model) ? k : [])))];
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <span className="swatch" style={{ background: MESSAGE_COLORS[kind] }} aria-hidden="true" />
            {msgKind(t, kind)}
          </li>
        ))}
      </ul>
    </section>
  );
}
