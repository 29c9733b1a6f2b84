import { isKey, type MessageKey } from '../i18n';
import type { Lesson, Step } from './types';

/** Text parts of a step: narrative, the task for the learner, the hint, and a prediction's question and explanation. */
export type StepPart = 'text' | 'task' | 'hint' | 'question' | 'explain';

/** The catalogue key of one part of a step. */
export function stepKey(lesson: string, step: string, part: StepPart | `q${number}`): string {
  return `lesson.${lesson}.${step}.${part}`;
}

/** Keys a step must have in both catalogues. */
export function requiredKeys(lesson: Lesson, step: Step): string[] {
  const keys = [stepKey(lesson.id, step.id, 'text')];
  if (step.goal.kind !== 'read') keys.push(stepKey(lesson.id, step.id, 'task'), stepKey(lesson.id, step.id, 'hint'));
  if (step.predict) {
    keys.push(stepKey(lesson.id, step.id, 'question'), stepKey(lesson.id, step.id, 'explain'));
    for (let i = 0; i < step.predict.options; i++) keys.push(stepKey(lesson.id, step.id, `q${i}`));
  }
  return keys;
}

/** The key as a catalogue key, or a fallback key when missing (a test keeps that from happening). */
export function asKey(key: string): MessageKey {
  return isKey(key) ? key : 'lessons.missingText';
}
