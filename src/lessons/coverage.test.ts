import { describe, expect, it } from 'vitest';
import { catalogues, LANGS } from '../i18n';
import { parseCommand } from '../protocol/commands';
import { PRESET_NAMES } from '../scenario/scenario';
import { CONCEPT_IDS } from './concepts';
import { coverage, presetsWithoutLesson, stepPreset } from './coverage';
import { commandMatches } from './goals';
import { LESSONS } from './index';
import { requiredKeys } from './keys';

describe('lesson coverage of the concept catalogue', () => {
  const cov = coverage(LESSONS);

  it('every concept ID is taught by at least one lesson step', () => {
    expect(cov.missing, 'concept IDs no lesson step covers').toEqual([]);
  });

  it('every concept a preset simulates is taught by a step while that preset runs', () => {
    expect(cov.notShown, 'concepts taught only away from the preset that shows them').toEqual([]);
  });

  it('lists what is shown and what is only explained (every concept is one or the other)', () => {
    console.log(`concepts shown in a simulation (${cov.shown.length}): ${cov.shown.join(' ')}`);
    console.log(`concepts only explained (${cov.explained.length}): ${cov.explained.join(' ')}`);
    // a lab that landed after its lesson: its presets should get steps (their concepts are explained meanwhile)
    console.log(`presets no lesson runs yet: ${presetsWithoutLesson(LESSONS).join(' ') || 'none'}`);
    expect(cov.shown.length + cov.explained.length).toBe(CONCEPT_IDS.length);
    expect(cov.shown.length).toBeGreaterThanOrEqual(74);
  });
});

describe('lesson content', () => {
  it('lesson and step ids are unique and safe for a shared link', () => {
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LESSONS) {
      expect(l.id).toMatch(/^[a-z]+$/);
      const steps = l.steps.map((s) => s.id);
      expect(new Set(steps).size, l.id).toBe(steps.length);
      expect(l.steps.length, l.id).toBeGreaterThan(2);
    }
  });

  it('every lesson starts by loading a preset, and every preset it names exists', () => {
    for (const l of LESSONS) {
      expect(l.steps[0]!.setup?.preset, `${l.id} first step`).toBeDefined();
      l.steps.forEach((_, i) => expect(PRESET_NAMES).toContain(stepPreset(l, i)));
    }
  });

  it('every step has its texts in both languages, not empty', () => {
    const missing: string[] = [];
    for (const l of LESSONS)
      for (const s of l.steps)
        for (const k of requiredKeys(l, s))
          for (const lang of LANGS) if (!(catalogues[lang] as Record<string, string>)[k]?.trim()) missing.push(`${lang}:${k}`);
    expect(missing).toEqual([]);
  });

  it('a step’s own setup commands never satisfy its action goal (only the learner can)', () => {
    for (const l of LESSONS)
      for (const s of l.steps) {
        if (s.goal.kind !== 'action') continue;
        const match = s.goal.match;
        for (const c of [...(s.setup?.commands ?? []), ...(s.setup?.direct ?? [])]) expect(commandMatches(match, c), `${l.id}.${s.id}`).toBe(false);
      }
  });

  it('every command a step sends is a valid command', () => {
    for (const l of LESSONS)
      for (const s of l.steps)
        for (const c of [...(s.setup?.commands ?? []), ...(s.setup?.direct ?? [])]) expect(parseCommand(c), `${l.id}.${s.id}`).toHaveProperty('cmd');
  });

  it('a prediction’s answer is one of its options', () => {
    for (const l of LESSONS)
      for (const s of l.steps) if (s.predict) expect(s.predict.answer).toBeLessThan(s.predict.options);
  });
});
