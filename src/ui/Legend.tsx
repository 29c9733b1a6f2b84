import { MESSAGE_COLORS } from '../render/palette';
import { BL_MSG, CL_DATA_MSG, CL_MSG, CS_MSG, MP_MSG, PAR_MSG, SSI_MSG, SUN_MSG } from '../protocol';

/** The message kinds each model sends, for the legend of the models present. */
const KINDS_BY_MODEL: Record<string, number[]> = {
  clientserver: Object.values(CS_MSG),
  cluster: [...Object.values(CL_MSG), ...Object.values(CL_DATA_MSG)],
  balancer: Object.values(BL_MSG),
  messaging: Object.values(MP_MSG),
  parallel: Object.values(PAR_MSG),
  ssi: Object.values(SSI_MSG),
  suncluster: Object.values(SUN_MSG),
};
import { useLab } from '../store/labStore';
import { msgKind } from './format';
import { useT } from './useT';

/** What the colours of moving dots mean, for the models of the current scenario. */
export function Legend() {
  const t = useT();
  const models = useLab((s) => Object.keys(s.panelView?.models ?? {}).join());
  const kinds = [...new Set(Object.entries(KINDS_BY_MODEL).flatMap(([model, k]) => (models.split(',').includes(model) ? k : [])))];
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
