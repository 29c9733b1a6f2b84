/**
 * Which concepts the lessons teach, and how: in a step whose running preset
 * is tagged with the concept (the simulation shows it), or only explained.
 */
import { PRESETS, type PresetName } from '../scenario/scenario';
import { CONCEPT_IDS, type ConceptId } from './concepts';
import type { Lesson } from './types';

/** The preset running during a step: its own, else the one the nearest earlier step loaded. */
export function stepPreset(lesson: Lesson, index: number): PresetName | undefined {
  for (let i = index; i >= 0; i--) {
    const p = lesson.steps[i]?.setup?.preset;
    if (p) return p;
  }
  return undefined;
}

/** The speed a step runs at: its own, else the nearest earlier step's. */
export function stepSpeed(lesson: Lesson, index: number): number | undefined {
  for (let i = index; i >= 0; i--) {
    const v = lesson.steps[i]?.setup?.speed;
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Concepts some preset is tagged with, i.e. that a simulation exists for. */
export function simulatedConcepts(ignore: readonly string[] = []): Set<ConceptId> {
  return new Set(Object.entries(PRESETS).flatMap(([name, p]) => (ignore.includes(name) ? [] : (p.concepts as readonly ConceptId[]))));
}

export interface Coverage {
  /** Taught by a step whose running preset shows it. */
  shown: ConceptId[];
  /** Taught only in words (no preset simulates it yet), next to the closest preset. */
  explained: ConceptId[];
  /** A preset simulates it, but no step teaches it while that preset runs. */
  notShown: ConceptId[];
  /** No step names it. */
  missing: ConceptId[];
}

/** Presets no lesson step runs (a lab newer than its lesson): their concepts count as explained until a step runs them. */
export function presetsWithoutLesson(lessons: readonly Lesson[]): PresetName[] {
  const used = new Set(lessons.flatMap((l) => l.steps.map((_, i) => stepPreset(l, i))));
  return (Object.keys(PRESETS) as PresetName[]).filter((p) => !used.has(p));
}

export function coverage(lessons: readonly Lesson[]): Coverage {
  const simulated = simulatedConcepts(presetsWithoutLesson(lessons));
  const named = new Set<ConceptId>();
  const shownSet = new Set<ConceptId>();
  for (const lesson of lessons) {
    lesson.steps.forEach((step, i) => {
      const preset = stepPreset(lesson, i);
      const tags = preset ? (PRESETS[preset].concepts as readonly ConceptId[]) : [];
      for (const c of step.concepts) {
        named.add(c);
        if (tags.includes(c)) shownSet.add(c);
      }
    });
  }
  const out: Coverage = { shown: [], explained: [], notShown: [], missing: [] };
  for (const c of CONCEPT_IDS) {
    if (!named.has(c)) out.missing.push(c);
    else if (shownSet.has(c)) out.shown.push(c);
    else if (simulated.has(c)) out.notShown.push(c);
    else out.explained.push(c);
  }
  return out;
}
