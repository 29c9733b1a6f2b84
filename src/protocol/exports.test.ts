import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * protocol/ is the wire format between the worker and the page, plus the
 * engine names the page needs to read it. Every name it passes on must be
 * used outside the engine: an export nobody reads only widens the seam.
 */
const root = join(__dirname, '..', '..');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : []));

describe('protocol exports', () => {
  it('every name protocol/index.ts passes on from the engine is used outside the engine', () => {
    const index = readFileSync(join(__dirname, 'index.ts'), 'utf8');
    const names = [...index.matchAll(/export (?:type )?\{([^}]*)\} from '\.\.\/(?:engine|labs\/[^/]+\/engine)\/[^']+';/g)].flatMap((m) => m[1]!.split(',').map((x) => x.replace(/^\s*type\s+/, '').trim()).filter(Boolean));
    expect(names.length).toBeGreaterThan(50);
    const readers = [...files(join(root, 'src')), ...files(join(root, 'e2e'))].filter((f) => !f.includes(`${join('src', 'engine')}`) && !/labs[\\/][^\\/]+[\\/]engine[\\/]/.test(f) && !f.endsWith(join('protocol', 'index.ts')) && !f.endsWith('exports.test.ts'));
    const text = readers.map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = names.filter((n) => !new RegExp(`\\b${n}\\b`).test(text));
    expect(unused).toEqual([]);
  });
});
