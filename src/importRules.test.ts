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
const { forbidden, LAB_LAYERS } = (await import(configFile)) as { forbidden: Record<string, string[]>; LAB_LAYERS: string[] };
const dirs = (...p: string[]) => readdirSync(join(root, ...p)).filter((f) => statSync(join(root, ...p, f)).isDirectory());
// src/labs holds one folder per lab, each split into the layers below; the layers' rows govern them
const folders = dirs('src').filter((f) => f !== 'labs');
const labs = dirs('src', 'labs');
const eslint = new ESLint({ cwd: root });

/** The import errors of `spec` imported by a fixture file at src/<where>/lintFixture.ts. */
async function errorsAt(where: string, spec: string): Promise<string[]> {
  const code = `import { x } from '${spec}';\nexport const y = x;\n`;
  const [res] = await eslint.lintText(code, { filePath: join(root, 'src', where, 'lintFixture.ts') });
  return res!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message.replace(/^.* pattern\. /, ''));
}

/** The import errors of a fixture file in src/<folder> (or a subfolder of it) importing from src/<target>. */
function importErrors(folder: string, target: string, nested = false): Promise<string[]> {
  return errorsAt(nested ? `${folder}/sub` : folder, `${nested ? '../../' : '../'}${target}/anything`);
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

  it('every lab folder holds only layers the matrix governs', () => {
    expect(labs.length).toBeGreaterThanOrEqual(7);
    for (const lab of labs) for (const layer of dirs('src', 'labs', lab)) expect(LAB_LAYERS, `src/labs/${lab}/${layer}`).toContain(layer);
    for (const layer of LAB_LAYERS) expect(Object.keys(forbidden)).toContain(layer);
  });

  for (const layer of LAB_LAYERS) {
    it(`src/labs/<lab>/${layer} follows the ${layer}/ row, towards its own lab, other labs and the top-level folders`, async () => {
      const banned = forbidden[layer]!;
      const says = (b: string) => [`src/${layer} may not import from src/${b} (see the import direction in README.md).`];
      for (const b of banned) {
        for (const spec of [`../../../${b}/anything`, `../../other/${b}/anything`]) expect(await errorsAt(`labs/fixture/${layer}`, spec), `${layer} -> ${spec}`).toEqual(says(b));
        if (LAB_LAYERS.includes(b)) {
          expect(await errorsAt(`labs/fixture/${layer}`, `../${b}/anything`), `${layer} -> own ${b}`).toEqual(says(b));
          expect(await errorsAt(`labs/fixture/${layer}/sub`, `../../../other/${b}/anything`), `${layer}/sub -> other ${b}`).toEqual(says(b));
        }
      }
      for (const ok of folders.filter((f) => f !== layer && !banned.includes(f))) {
        expect(await errorsAt(`labs/fixture/${layer}`, `../../../${ok}/anything`), `${layer} -> ${ok}`).toEqual([]);
        if (LAB_LAYERS.includes(ok)) expect(await errorsAt(`labs/fixture/${layer}`, `../../other/${ok}/anything`), `${layer} -> other ${ok}`).toEqual([]);
      }
    });
  }

  for (const [folder, banned] of Object.entries(forbidden)) {
    const labBans = banned.filter((b) => LAB_LAYERS.includes(b));
    if (labBans.length === 0) continue;
    it(`src/${folder} may not reach a lab's banned layers either`, async () => {
      for (const b of labBans) {
        expect(await importErrors(folder, `labs/cluster/${b}`), `${folder} -> labs/cluster/${b}`).toEqual([`src/${folder} may not import from src/${b} (see the import direction in README.md).`]);
      }
      for (const ok of LAB_LAYERS.filter((l) => l !== folder && !banned.includes(l))) expect(await importErrors(folder, `labs/cluster/${ok}`), `${folder} -> labs/cluster/${ok}`).toEqual([]);
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
