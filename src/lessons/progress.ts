/**
 * Lesson progress kept in the browser's storage. Storage may be missing,
 * full, or forbidden (private windows, embedded pages), and what it holds is
 * untrusted: every access is guarded and every read is validated.
 */
import { z } from 'zod';

export interface LessonProgress {
  /** Steps whose goal was met (0-based). */
  completed: number[];
  /** Where the learner was (0-based). */
  step: number;
  finished: boolean;
}

export type ProgressMap = Record<string, LessonProgress>;

/** What the app needs of `localStorage`. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export const PROGRESS_KEY = 'distlab.lessons.v1';

const progressSchema = z.record(
  z.string().regex(/^[a-z]{1,40}$/),
  z.object({ completed: z.array(z.number().int().min(0).max(500)).max(500), step: z.number().int().min(0).max(500), finished: z.boolean() }),
);

/** The browser's storage if it can actually be written, else null. */
export function browserStore(): KeyValueStore | null {
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    s.setItem(`${PROGRESS_KEY}.probe`, '1');
    s.removeItem(`${PROGRESS_KEY}.probe`);
    return s;
  } catch {
    return null;
  }
}

/** Saved progress; anything unreadable counts as none. */
export function loadProgress(store: KeyValueStore | null): ProgressMap {
  if (!store) return {};
  try {
    const raw = store.getItem(PROGRESS_KEY);
    if (!raw || raw.length > 100_000) return {};
    const r = progressSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

/** Saves progress; false when the store refused. */
export function saveProgress(store: KeyValueStore | null, map: ProgressMap): boolean {
  if (!store) return false;
  try {
    store.setItem(PROGRESS_KEY, JSON.stringify(map));
    return true;
  } catch {
    return false;
  }
}

/** Merges a lesson's latest state into the map (completed steps are never forgotten). */
export function recordProgress(map: ProgressMap, lesson: string, p: LessonProgress): ProgressMap {
  const old = map[lesson];
  const completed = [...new Set([...(old?.completed ?? []), ...p.completed])].sort((a, b) => a - b);
  return { ...map, [lesson]: { completed, step: p.step, finished: p.finished || (old?.finished ?? false) } };
}
