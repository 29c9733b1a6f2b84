import { LABS, type LabName } from '../scenario/labs';
import type { PresetName } from '../scenario/scenario';
import { loadPreset } from '../store/actions';
import { useLab } from '../store/labStore';
import { useT } from './useT';

/** Chooses one of the built-in scenarios; it starts a new run. */
export function PresetPicker() {
  const t = useT();
  const preset = useLab((s) => s.scenario.preset);
  // the other choices come once the graph is drawn: laying out 38 labels was on the way to the first frame (the select's width is fixed in CSS)
  const all = useLab((s) => s.mountStage >= 1);
  return (
    <label className="preset">
      <span>{t('preset.label')}</span>
      <select value={preset} onChange={(e) => loadPreset(e.target.value as PresetName)} data-testid="preset">
        {(Object.keys(LABS) as LabName[]).filter((lab) => all || LABS[lab].includes(preset)).map((lab) => (
          <optgroup key={lab} label={t(`lab.${lab}`)}>
            {LABS[lab].filter((p) => all || p === preset).map((p) => (
              <option key={p} value={p}>
                {t(`preset.${p}`)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
