import { expect, it } from 'vitest';
import { LABS } from './labs';
import { PRESET_NAMES } from './scenario';

it('every preset belongs to exactly one lab, so the picker lists each once', () => {
  const listed = Object.values(LABS).flat();
  expect([...listed].sort()).toEqual([...PRESET_NAMES].sort());
});
