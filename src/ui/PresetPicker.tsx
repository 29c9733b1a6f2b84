import { PRESET_NAMES, type PresetName } from '../scenario/scenario';
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
        {PRESET_NAMES.map((p) => (
          <option key={p} value={p}>
            {t(`preset.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
