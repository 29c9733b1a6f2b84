import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberFormat } from './numberFormat';

/** The hand-written formats must read exactly as the browser's Intl would, in both languages. */
describe('numberFormat', () => {
  const cases: [string, number | undefined, number | undefined][] = [
    ['en-GB', 0, 0], ['en-GB', 1, 1], ['en-GB', 2, 2], ['en', 0, 1], ['en', undefined, 0], ['en', undefined, undefined],
    ['es-ES', 0, 0], ['es-ES', 1, 1], ['es-ES', 2, 2], ['es', 0, 1], ['es', undefined, 0], ['es', undefined, undefined],
  ];

  it('matches Intl.NumberFormat on figures the panels show', () => {
    const values = [0, -0, 1, 0.5, 1.005, 2.5, -2.5, 999, 1000, 1234.5, 9999.99, 12345, 123456.789, 1e6, -1234567.891, 0.0004, 99.95, 1e20, 1.5e22, 2 ** 53 + 2, 0.1 + 0.2, -0.0001];
    for (const [locale, min, max] of cases) {
      const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
      for (const v of values) expect(numberFormat(locale, min, max).format(v), `${locale} ${min} ${max} ${v}`).toBe(intl.format(v));
    }
  });

  it('matches Intl.NumberFormat over random values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => Math.round(v * 1000) / 1000)), fc.integer({ min: 0, max: cases.length - 1 }), (v, i) => {
        const [locale, min, max] = cases[i]!;
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
        expect(numberFormat(locale, min, max).format(v)).toBe(intl.format(v));
      }),
      { numRuns: 3000 },
    );
  });
});
