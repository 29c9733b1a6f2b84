import { describe, expect, it } from 'vitest';
// a test may build the engine's runs to learn their models: the page itself never does
// eslint-disable-next-line no-restricted-imports
import { createSimulation } from '../engine/createSimulation';
import { buildWorld, PRESET_NAMES, presetScenario } from '../scenario/scenario';
import { MOUNT_STAGES } from '../store/labStore';
import { LAB_ROWS, STAGE } from './labPanels';

describe('lab panels', () => {
  it('every engine model a preset runs has its row of panels', () => {
    const shown = new Set<string>(LAB_ROWS.flatMap((r) => [r.model, ...(r.firstWith ? [r.firstWith.model] : [])]));
    for (const p of PRESET_NAMES) {
      const s = presetScenario(p, 1);
      for (const m of createSimulation(buildWorld(s), s.seed).models) expect(shown.has(m.name), `${p}: ${m.name}`).toBe(true);
    }
  });

  it('the mount stages are in page order and the log is the last', () => {
    const order = [STAGE.machines, STAGE.inspector, STAGE.timeline, STAGE.column(1), STAGE.column(2), STAGE.column(3), STAGE.log];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    expect(STAGE.log).toBe(MOUNT_STAGES);
    for (const r of LAB_ROWS) expect(r.columns.length, r.model).toBeLessThanOrEqual(3);
  });
});
