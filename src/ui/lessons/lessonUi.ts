/**
 * What the page needs of the lessons before any is opened: the lesson UI's
 * state and the way to load the rest. The lesson machinery (xstate, the
 * lessons' content and texts, the panels) is a separate chunk, loaded when
 * the home screen or a lesson is opened (`?lesson=`, a shared lesson step).
 */
import type { SnapshotFrom } from 'xstate';
import { create } from 'zustand';
import type { lessonMachine } from '../../lessons';
import type { ProgressMap } from '../../lessons/progress';

export type LessonSnapshot = SnapshotFrom<typeof lessonMachine>;

/** What the lesson UI shows: the home screen, a lesson, or neither. */
export interface LessonUi {
  screen: 'lab' | 'home';
  snapshot: LessonSnapshot | null;
  /** Read from the browser's storage when the lessons load. */
  progress: ProgressMap;
  /** False when the browser will not keep progress. */
  canSave: boolean;
}

export const useLessons = create<LessonUi>()(() => ({ screen: 'lab', snapshot: null, progress: {}, canSave: true }));

/** A speed the address asked for (tests, slides) wins over the lessons' own. */
export const lessonOptions = { fixedSpeed: false };

/** Notes the address's options; call once at start (loads nothing). */
export function initLessons(opts: { fixedSpeed?: boolean } = {}): void {
  lessonOptions.fixedSpeed = !!opts.fixedSpeed;
}

/** The lesson machinery, loaded once on first use. */
export function lessonSession(): Promise<typeof import('./session')> {
  return import('./session');
}

export function openHome(): void {
  useLessons.setState({ screen: 'home' });
}

export function closeHome(): void {
  useLessons.setState({ screen: 'lab' });
}

/** Opens a lesson at a step (1-based, as in `?lesson=id&step=n`) once the lessons have loaded. */
export async function openLesson(id: string, step = 1, opts: { keepSimulation?: boolean } = {}): Promise<boolean> {
  return (await lessonSession()).startLesson(id, step, opts);
}
