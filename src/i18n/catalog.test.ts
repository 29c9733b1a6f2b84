import { describe, expect, it } from 'vitest';
import { catalogues, defaultLang, LANGS, translate } from './index';
import './lessonTexts';

describe('catalogues', () => {
  it('Spanish and English have the same keys and no empty text', () => {
    const [a, b] = LANGS.map((l) => Object.keys(catalogues[l]).sort());
    expect(a).toEqual(b);
    for (const l of LANGS) {
      const empty = Object.entries(catalogues[l]).filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty texts in ${l}`).toEqual([]);
    }
  });

  it('every placeholder in one language appears in the other', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    const mismatched = Object.keys(catalogues.en).filter(
      (k) => holes(catalogues.en[k as keyof typeof catalogues.en] ?? '') !== holes(catalogues.es[k as keyof typeof catalogues.es] ?? ''),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders as plain text', () => {
    expect(translate('en', 'error.unknownNode', { id: '<img src=x>' })).toBe('There is no machine "<img src=x>".');
  });

  it('defaults to the browser language, else Spanish', () => {
    expect(defaultLang(['en-GB', 'es'])).toBe('en');
    expect(defaultLang(['fr-FR'])).toBe('es');
  });
});
