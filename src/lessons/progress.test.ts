import { describe, expect, it } from 'vitest';
import { loadProgress, PROGRESS_KEY, recordProgress, saveProgress, type KeyValueStore } from './progress';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('lesson progress', () => {
  it('round-trips and merges completed steps', () => {
    const s = memory();
    let map = recordProgress({}, 'wcs', { completed: [0, 1], step: 2, finished: false });
    map = recordProgress(map, 'wcs', { completed: [3], step: 3, finished: false });
    expect(saveProgress(s, map)).toBe(true);
    expect(loadProgress(s)).toEqual({ wcs: { completed: [0, 1, 3], step: 3, finished: false } });
  });

  it('survives a missing, failing or corrupted store', () => {
    expect(loadProgress(null)).toEqual({});
    expect(saveProgress(null, {})).toBe(false);
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadProgress(throwing)).toEqual({});
    expect(saveProgress(throwing, {})).toBe(false);
    const s = memory();
    s.data.set(PROGRESS_KEY, '{not json');
    expect(loadProgress(s)).toEqual({});
    s.data.set(PROGRESS_KEY, JSON.stringify({ '<img src=x>': { completed: [], step: 0, finished: false } }));
    expect(loadProgress(s)).toEqual({});
  });
});
