import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import direction of the architecture is enforced by lint
 * (eslint.config.js); these tests prove the rule is complete and fires: every
 * folder of src/ has a row, and each ban in it turns a fixture import into an
 * error (an import the matrix allows stays quiet).
 */
const root = join(__dirname, '..');
// the lint matrix itself: which src/ folders each folder may not import from (a JS file, hence the cast)
const configFile: string = '../eslint.config.js';
const { forbidden } = (await import(configFile)) as { forbidden: Record<string, string[]> };
const folders = readdirSync(join(root, 'src')).filter((f) => statSync(join(root, 'src', f)).isDirectory());
const eslint = new ESLint({ cwd: root });

/** The import errors of a fixture file in src/<folder> (or a subfolder of it) importing from src/<target>. */
async function importErrors(folder: string, target: string, nested = false): Promise<string[]> {
  const code = `import { x } from '${nested ? '../../' : '../'}${target}/anything';\nexport const y = x;\n`;
  const [res] = await eslint.lintText(code, { filePath: join(root, 'src', folder, ...(nested ? ['sub'] : []), 'lintFixture.ts') });
  return res!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message.replace(/^.* pattern\. /, ''));
}

describe('import direction', () => {
  it('every folder of src/ has a row in the lint matrix', () => {
    expect(folders.sort()).toEqual(Object.keys(forbidden).sort());
  });

  for (const [folder, banned] of Object.entries(forbidden)) {
    it(`src/${folder}: each banned import is an error, an allowed one is not`, async () => {
      const says = (b: string) => [`src/${folder} may not import from src/${b} (see the import direction in README.md).`];
      for (const b of banned) {
        expect(await importErrors(folder, b), `${folder} -> ${b}`).toEqual(says(b));
        expect(await importErrors(folder, b, true), `${folder}/sub -> ${b}`).toEqual(says(b));
      }
      for (const ok of folders.filter((f) => f !== folder && !banned.includes(f))) expect(await importErrors(folder, ok), `${folder} -> ${ok}`).toEqual([]);
    });
  }

  it("the README's table of folders says what the lint matrix does", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const [folder, banned] of Object.entries(forbidden)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${folder}/\` |`));
      expect(row, folder).toBeDefined();
      const said = row!.split('|').at(-2)!.trim();
      const allowed = folders.filter((f) => f !== folder && !banned.includes(f));
      const listed = said === 'everything but engine' ? folders.filter((f) => f !== folder && f !== 'engine') : said.startsWith('nothing') ? [] : said.split(', ');
      expect(listed.sort(), folder).toEqual(allowed.sort());
    }
  });
});
