import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';

describe('untrusted cluster commands', () => {
  it('a failback window hour out of 0–23 is refused, naming which end and the range, (the texts are checked with the log’s in src/ui)', () => {
    const r = parseCommand({ type: 'setFailback', group: 'sql', policy: 'window', window: [25, 3] });
    expect(r).toEqual({ error: { code: 'outOfRange', params: { field: 'failbackWindowStart', value: '25', min: 0, max: 23 } } });
    const end = parseCommand({ type: 'setFailback', group: 'sql', policy: 'window', window: [1, 24] });
    expect(end).toMatchObject({ error: { params: { field: 'failbackWindowEnd', value: '24' } } });
  });

  it('a move with and without a target is a valid command', () => {
    expect(parseCommand({ type: 'moveGroup', group: 'sql' })).toHaveProperty('cmd');
    expect(parseCommand({ type: 'moveGroup', group: 'sql', node: 'node-3' })).toHaveProperty('cmd');
  });
});
