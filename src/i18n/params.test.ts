import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from './index';

describe('numbers in texts', () => {
  it("a fraction is written in the reader's way, a whole number as it is", () => {
    expect(translate('es', 'cluster.availability', { pct: 99.95, s: 1.5 })).toContain('99,95');
    expect(translate('en', 'cluster.availability', { pct: 99.95, s: 1.5 })).toContain('99.95');
    expect(translate('es', 'cluster.availability', { pct: 100, s: 12345 })).toContain('12345');
    // strings (already formatted by the caller) pass through untouched
    expect(translate('es', 'cluster.availability', { pct: '99,90', s: '0,0' })).toContain('99,90');
  });

  it('the UI formats numbers through the locale formatter, never with toFixed/toPrecision alone', () => {
    const ui = join(__dirname, '..', 'ui');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const offenders: string[] = [];
    for (const f of files(ui)) {
      if (!/\.tsx?$/.test(f) || f.endsWith('.test.ts')) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // Number(x.toFixed(n)) only rounds: the number is formatted later (translate, fmtNum, localDecimal)
          if (/\.to(Fixed|Precision)\(/.test(line) && !/Number\(.*\.to(Fixed|Precision)\(\d\)\)/.test(line)) offenders.push(`${f.slice(ui.length + 1)}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
