import { expect, test, type Page } from '@playwright/test';
import { encodeShare } from '../src/share/codec';
import { SHARE_VERSION, type ShareDoc } from '../src/share/document';
import { DEFAULT_SCENARIO } from '../src/scenario/scenario';
import { openLab, snapshot } from './fixtures/lab';

/** What a person sees: the clock, the event count, the figures, the newest log rows. */
async function visibleState(page: Page) {
  return {
    clock: await page.getByTestId('clock').textContent(),
    events: await page.getByTestId('event-count').textContent(),
    figures: await page.locator('[data-testid^="stat-"]').allTextContents(),
    log: (await page.getByTestId('log-rows').locator('li').allTextContents()).slice(0, 25),
  };
}

async function shareUrl(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const field = page.getByTestId('share-url');
  await expect(field).toHaveValue(/\?s=/);
  return field.inputValue();
}

test('a link shared mid-run reopens the same run at the same moment in a fresh page', async ({ page, browser }) => {
  const errors = await openLab(page, '?lang=en&seed=5&speed=20');
  await page.waitForTimeout(700);
  await page.getByTestId('node-db').click();
  await page.getByTestId('crash').click();
  await page.waitForTimeout(400);
  await page.getByTestId('add-client').click();
  await page.waitForTimeout(400);
  await page.getByTestId('restart').click();
  await page.waitForTimeout(300);
  await page.getByTestId('play').click();
  await expect.poll(async () => (await snapshot(page)).playing).toBe(false);
  const sent = await snapshot(page);
  expect(sent.commandLog).toHaveLength(3);
  const url = await shareUrl(page);
  expect(url.length).toBeLessThan(2000);
  const seen = await visibleState(page);

  const fresh = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const freshErrors = await openLab(fresh, url.slice(url.indexOf('?')));
  await expect.poll(async () => (await snapshot(fresh)).eventsProcessed).toBe(sent.eventsProcessed);
  const got = await snapshot(fresh);
  expect(got.traceHash).toBe(sent.traceHash);
  expect(got.nowUs).toBe(sent.nowUs);
  expect(got.playing).toBe(false);
  expect(got.commandLog).toEqual(sent.commandLog);
  // the figures and the log mount a few frames after the graph
  await expect.poll(() => visibleState(fresh)).toEqual(seen);
  await expect(fresh.getByTestId('notices')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(freshErrors).toEqual([]);
});

/** A valid document for the broken-link tests to spoil. */
/** Imports a file as a person does: Share, then Import, then the browser's file chooser. */
async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  if (!(await page.getByTestId('share-import').isVisible())) await page.getByTestId('share').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('share-import').click()]);
  await chooser.setFiles(file);
}

function doc(patch: Record<string, unknown> = {}): ShareDoc {
  return { version: SHARE_VERSION, scenario: DEFAULT_SCENARIO, log: [{ atEvent: 40, atUs: 900_000, cmd: { type: 'crashNode', node: 'db' } }], cursorEvent: 200, cursorUs: 2_000_000, lang: 'en', ...patch } as ShareDoc;
}

const xss = '<img src=x onerror="window.__xss=1;alert(1)">';
const broken: [string, string, RegExp][] = [
  ['bad base64', '%25%25%25not*base64', /not valid base64url/],
  ['truncated', encodeShare(doc()).slice(0, 30), /damaged/],
  ['wrong version', encodeShare(doc({ version: 7 })), /newer DistLab \(version 7\)/],
  ['huge numbers', encodeShare(doc({ cursorEvent: 1e300 })), /"cursorEvent" is too large/],
  ['a hostile label', encodeShare(doc({ log: [{ atEvent: 1, atUs: 1, cmd: { type: 'crashNode', node: xss } }] })), /"log\[0\]\.cmd\.node" in the shared run contains characters that are not allowed/],
  ['a hostile lesson', encodeShare(doc({ lesson: xss })), /"lesson" in the shared run contains characters/],
  ['over-size', 'A'.repeat(9_000), /too large/],
];

for (const [what, s, message] of broken) {
  test(`a link with ${what} says what is wrong, loads the default scenario, and runs no script`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const errors = await openLab(page, `?lang=en&s=${s}`);
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText(message);
    await expect(notices).toContainText('The default scenario was loaded instead.');
    if (what.includes('hostile')) await expect(notices).toContainText('<img src=x onerror=');
    const snap = await snapshot(page);
    expect(snap.scenario).toMatchObject({ seed: DEFAULT_SCENARIO.seed, clients: DEFAULT_SCENARIO.clients });
    expect(snap.commandLog).toEqual([]);
    await expect.poll(async () => (await snapshot(page)).eventsProcessed).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('export and import a run as a JSON file; a bad file is refused and the current run goes on', async ({ page }) => {
  const errors = await openLab(page, '?lang=es&seed=9&speed=20');
  await page.waitForTimeout(600);
  await page.getByTestId('node-app').click();
  await page.getByTestId('crash').click();
  await page.getByTestId('play').click();
  await expect.poll(async () => (await snapshot(page)).playing).toBe(false);
  const sent = await snapshot(page);
  await page.getByTestId('share').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-export').click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(JSON.parse(text)).toMatchObject({ version: SHARE_VERSION, cursorEvent: sent.eventsProcessed, cursorUs: sent.nowUs, lang: 'es' });

  // a bad file: the reason, in Spanish, and the run untouched
  await importFile(page, { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "scenario": ') });
  await expect(page.getByTestId('notices')).toContainText('no son JSON válido');
  await expect(page.getByTestId('notices')).toContainText('tu ejecución sigue igual');
  const after = await snapshot(page);
  expect(after.traceHash).toBe(sent.traceHash);
  expect(after.commandLog).toEqual(sent.commandLog);
  const hostile = JSON.parse(text);
  hostile.log[0].cmd.node = xss;
  await importFile(page, { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  await expect(page.getByTestId('notices')).toContainText('caracteres no permitidos');
  expect((await snapshot(page)).traceHash).toBe(sent.traceHash);

  // the good file, opened in a fresh page, rebuilds the same run
  const fresh = await page.context().newPage();
  await openLab(fresh, '?lang=en&seed=2');
  await importFile(fresh, { name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect.poll(async () => (await snapshot(fresh)).traceHash).toBe(sent.traceHash);
  expect((await snapshot(fresh)).eventsProcessed).toBe(sent.eventsProcessed);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'es');
  expect(errors).toEqual([]);
});

test('embed mode shows the graph, the controls and the timeline, without side panels or the log', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&embed=1');
  await expect(page.getByTestId('graph')).toBeVisible();
  await expect(page.getByTestId('play')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByTestId('open-full')).toBeVisible();
  await expect(page.getByTestId('log-rows')).toHaveCount(0);
  await expect(page.getByTestId('node-db')).toHaveCount(0);
  await expect(page.getByTestId('share')).toHaveCount(0);
  expect(errors).toEqual([]);
});
