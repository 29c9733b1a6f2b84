import { expect, test } from '@playwright/test';
import { openLab, snapshot } from './fixtures/lab';

const MINUTE = 60_000_000;

test('skip ahead computes ten minutes at once and the run plays on from there', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&seed=2');
  const before = (await snapshot(page)).nowUs;
  await page.getByTestId('skip-10').click();
  await expect.poll(async () => (await snapshot(page)).nowUs, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 10 * MINUTE);
  const s = await snapshot(page);
  expect(s.playing).toBe(true);
  // the figures kept counting through the skipped time
  expect(s.stats.completed ?? s.eventsProcessed).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('a long skip shows its progress and can be stopped where it has got to (Spanish)', async ({ page }) => {
  await openLab(page, '?lang=es&preset=balance&paused=1');
  await page.getByTestId('skip-60').click();
  const bar = page.getByTestId('skip-progress');
  await expect(bar).toBeVisible({ timeout: 10_000 });
  await expect(bar).toContainText('Adelantando');
  await page.getByTestId('skip-cancel').click();
  await expect(bar).toBeHidden();
  const stopped = (await snapshot(page)).nowUs;
  expect(stopped).toBeGreaterThan(0);
  expect(stopped).toBeLessThan(60 * MINUTE);
  // paused before the skip, paused after it
  await page.waitForTimeout(500);
  const after = await snapshot(page);
  expect(after.playing).toBe(false);
  expect(after.nowUs).toBe(stopped);
});
