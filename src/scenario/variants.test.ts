import { describe, expect, it } from 'vitest';
import { applyCommand } from '../engine/commands';
import { createSimulation } from '../engine/createSimulation';
import { buildWorld, presetScenario, type PresetName } from './scenario';
import { VARIANTS } from './variants';

describe('side-by-side variants', () => {
  it('every variant’s change is accepted by its preset’s run, and changes what the run does', () => {
    for (const [preset, variants] of Object.entries(VARIANTS) as [PresetName, NonNullable<(typeof VARIANTS)[PresetName]>][]) {
      for (const v of variants) {
        const s = presetScenario(preset);
        const a = createSimulation(buildWorld(s), s.seed);
        const b = createSimulation(buildWorld(s), s.seed);
        for (const cmd of v.cmds) expect(applyCommand(b, cmd), `${preset}/${v.id}`).toBeNull();
        a.runUntil(20_000_000);
        b.runUntil(20_000_000);
        expect(b.trace.hash(), `${preset}/${v.id} makes a difference`).not.toBe(a.trace.hash());
      }
    }
  }, 120_000);
});
