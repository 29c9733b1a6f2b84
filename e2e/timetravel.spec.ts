import { expect, test, type Page } from '@playwright/test';
import { SCENARIO_VERSION } from '../src/scenario/scenario';
import { encodeShare } from '../src/share/codec';
import { SHARE_LIMITS, SHARE_VERSION } from '../src/share/document';
import { openLab, snapshot } from './fixtures/lab';

/** The run's point as the page shows it. */
async function point(page: Page) {
  const s = await snapshot(page);
  return { e: s.eventsProcessed, t: s.nowUs, h: s.traceHash, clock: await page.getByTestId('clock').textContent(), log: (await page.getByTestId('log-rows').locator('li').allTextContents()).slice(0, 15) };
}

async function pause(page: Page): Promise<void> {
  await page.getByTestId('play').click();
  await expect.poll(async () => (await snapshot(page)).playing).toBe(false);
}

/** Drags the timeline to a simulated time and waits for the run to get there. */
async function scrubTo(page: Page, us: number): Promise<void> {
  await page.getByTestId('scrub').fill(String(us));
  await expect.poll(async () => (await snapshot(page)).nowUs).toBe(us);
}

test('scrubbing back and forward shows the same state as before', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&seed=3&speed=20');
  await page.waitForTimeout(800);
  await page.getByTestId('node-db').click();
  await page.getByTestId('crash').click();
  await page.waitForTimeout(800);
  await pause(page);
  const head = await point(page);
  const midUs = Math.round(head.t / 2);
  await scrubTo(page, midUs);
  const mid = await point(page);
  expect(mid.e).toBeLessThan(head.e);
  await expect(page.getByTestId('in-past')).toBeVisible();
  await page.getByTestId('to-head').click();
  await expect.poll(async () => (await snapshot(page)).eventsProcessed).toBe(head.e);
  expect(await point(page)).toEqual(head);
  await scrubTo(page, midUs);
  expect(await point(page)).toEqual(mid);
  // playing on from the past meets the crash again and reaches the same head
  await scrubTo(page, 1000);
  await page.getByTestId('to-head').click();
  await expect.poll(async () => (await snapshot(page)).traceHash).toBe(head.h);
  await expect(page.getByTestId('seek-ms')).toBeVisible();
  expect(errors).toEqual([]);
});

test('step back goes back exactly one event, by button and by the Left arrow', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&seed=4&speed=5');
  await page.waitForTimeout(600);
  await pause(page);
  const a = await point(page);
  await page.getByTestId('step').click();
  await expect.poll(async () => (await snapshot(page)).eventsProcessed).toBe(a.e + 1);
  const b = await point(page);
  await page.getByTestId('step').click();
  await expect.poll(async () => (await snapshot(page)).eventsProcessed).toBe(a.e + 2);
  await page.getByTestId('step-back').click();
  await expect.poll(async () => (await snapshot(page)).eventsProcessed).toBe(a.e + 1);
  expect((await point(page)).h).toBe(b.h);
  await page.locator('h1').click();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await snapshot(page)).eventsProcessed).toBe(a.e);
  expect((await point(page)).h).toBe(a.h);
  expect(errors).toEqual([]);
});

test('choosing an event in the log goes to that moment', async ({ page }) => {
  await openLab(page, '?lang=en&seed=6&speed=10');
  await page.waitForTimeout(1200);
  await pause(page);
  // a reader scrolled down into older events
  await page.locator('.log-scroll').evaluate((el) => (el.scrollTop = 40 * 22));
  const rows = page.getByTestId('log-rows').locator('li');
  const row = rows.nth(45);
  const time = (await row.locator('.time').textContent())!;
  await row.getByTestId('jump').click();
  await expect(page.getByTestId('clock')).toHaveText(time);
  await expect(page.getByTestId('in-past')).toBeVisible();
  // the chosen event is now the newest (or shares its moment with the newest), and the log shows it at its top
  await expect(rows.first().locator('.time')).toHaveText(time);
  expect(await page.locator('.log-scroll').evaluate((el) => el.scrollTop)).toBe(0);
});

test('a change in the past starts a new branch; undo brings back the old future', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&seed=8&speed=20');
  await page.waitForTimeout(600);
  await page.getByTestId('node-db').click();
  await page.getByTestId('crash').click();
  await page.waitForTimeout(700);
  await pause(page);
  const head = await snapshot(page);
  const atUs = Math.round(head.nowUs / 3);
  await scrubTo(page, atUs);
  await page.getByTestId('node-app').click();
  await page.getByTestId('crash').click();
  // the new branch's log holds only the new command (the old log may still show for a moment)
  await expect.poll(async () => ((await snapshot(page)).commandLog[0] as { cmd: { node: string } } | undefined)?.cmd.node).toBe('app');
  expect((await snapshot(page)).commandLog).toHaveLength(1);
  await expect(page.getByTestId('undo-branch')).toBeVisible();
  await page.getByTestId('undo-branch').click();
  await expect.poll(async () => ((await snapshot(page)).commandLog[0] as { cmd: { node: string } }).cmd.node).toBe('db');
  expect((await snapshot(page)).nowUs).toBe(atUs);
  await page.getByTestId('to-head').click();
  await expect.poll(async () => (await snapshot(page)).traceHash).toBe(head.traceHash);
  expect(errors).toEqual([]);
});

for (const [preset, clients] of [['office', 6], ['thin', 200], ['cluster', 4]] as const) {
  test(`seeking anywhere in a 10-minute run (${preset}, ${clients} clients)`, async ({ page }) => {
    // a shared run that stops at exactly ten simulated minutes (the event bound is never the one met)
    const ten = encodeShare({ version: SHARE_VERSION, scenario: { version: SCENARIO_VERSION, preset, seed: 1, clients }, log: [], cursorEvent: SHARE_LIMITS.maxEvents, cursorUs: 600_000_000, lang: 'en' });
    await openLab(page, `?s=${ten}`);
    await expect.poll(async () => (await snapshot(page)).nowUs, { timeout: 30_000 }).toBe(600_000_000);
    const head = await snapshot(page);
    const times: number[] = [];
    for (const f of [0.05, 0.5, 0.93, 0.27, 0.71, 0.99, 0.12, 0.42]) {
      const us = Math.round(head.nowUs * f);
      await scrubTo(page, us);
      times.push((await page.evaluate(() => (window.__distlab!.store as { getState(): { lastSeekMs: number | null } }).getState().lastSeekMs))!);
    }
    console.log(`SEEK ${preset}, ${clients} clients, 600 simulated s (${head.eventsProcessed} events): ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    // the target is 200 ms; a shared two-core machine gets slack
    expect(Math.max(...times)).toBeLessThan(600);
  });
}
