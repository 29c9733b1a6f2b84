import { describe, expect, it } from 'vitest';
import { catalogues, LANGS } from '../i18n';
import { KIND_NAMES, MESSAGE_KIND_NAMES, SSI_MSG, SSI_NET_MSG } from '../protocol';
import { MESSAGE_COLOR, MESSAGE_COLORS } from '../render/palette';

describe('message kinds', () => {
  it('every kind has a name, a colour, and a text in both languages', () => {
    expect(KIND_NAMES.length).toBeGreaterThan(0);
    KIND_NAMES.forEach((name, n) => {
      expect(name, `kind ${n}`).toBeDefined();
      expect(MESSAGE_COLORS[n], name).toBe(MESSAGE_COLOR[name]);
      for (const lang of LANGS) expect(catalogues[lang][`msg.${name}` as keyof (typeof catalogues)['en']], `${lang} msg.${name}`).toBeTruthy();
    });
    // a colour for every name, and none for a kind that does not exist
    expect(Object.keys(MESSAGE_COLOR).sort()).toEqual([...MESSAGE_KIND_NAMES].sort());
  });

  it('kinds other models borrow are named kinds', () => {
    for (const n of [...Object.values(SSI_MSG), ...Object.values(SSI_NET_MSG)]) expect(KIND_NAMES[n], String(n)).toBeDefined();
  });

  it('the catalogues hold no message text for a kind that does not exist', () => {
    const names = new Set(KIND_NAMES.map((n) => `msg.${n}`));
    for (const lang of LANGS) for (const key of Object.keys(catalogues[lang])) if (key.startsWith('msg.')) expect(names.has(key), `${lang} ${key}`).toBe(true);
  });
});
