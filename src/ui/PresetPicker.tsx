import { LABS, type LabName } from '../scenario/labs';
import type { PresetName } from '../scenario/scenario';
import { loadPreset } from '../store/actions';
import { useLab } from '../store/labStore';
import { useT } from './useT';

/** Chooses one of the built-in scenarios; it starts a new run. */
export function PresetPicker() {
  const t = useT();
  const preset = useLab((s) => s.scenario.preset);
  return (
    <label className="preset">
      <span>{t('preset.label')}</span>
      <select value={preset} onChange={(e) => loadPreset(e.target.value as PresetName)} data-testid="preset">
        {(Object.keys(LABS) as LabName[]).map((lab) => (
          <optgroup key={lab} label={t(`lab.${lab}`)}>
            {LABS[lab].map((p) => (
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
