import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { parseCommand } from './commands';

describe('untrusted cluster commands', () => {
  it('a failback window hour out of 0–23 is refused, naming which end and the range, in both languages', () => {
    const r = parseCommand({ type: 'setFailback', group: 'sql', policy: 'window', window: [25, 3] });
    expect(r).toEqual({ error: { code: 'outOfRange', params: { field: 'failbackWindowStart', value: '25', min: 0, max: 23 } } });
    const end = parseCommand({ type: 'setFailback', group: 'sql', policy: 'window', window: [1, 24] });
    expect(end).toMatchObject({ error: { params: { field: 'failbackWindowEnd', value: '24' } } });
    expect(translate('en', 'field.failbackWindowStart')).toBe('The start of the failback window');
    expect(translate('es', 'field.failbackWindowEnd')).toBe('El final de la ventana de recuperación');
  });

  it('a move with and without a target is a valid command', () => {
    expect(parseCommand({ type: 'moveGroup', group: 'sql' })).toHaveProperty('cmd');
    expect(parseCommand({ type: 'moveGroup', group: 'sql', node: 'node-3' })).toHaveProperty('cmd');
  });
});
