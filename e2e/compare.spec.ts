import { expect, test } from '@playwright/test';
import { openLab, snapshot } from './fixtures/lab';

test('side by side: the office with thin clients against the same run with fat clients, on one clock (CS-FAT-THIN)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=office&speed=10');
  await page.getByTestId('compare-open').click();
  await expect(page.getByTestId('compare-variant')).toHaveValue('fat');
  await page.getByTestId('compare-start').click();
  // both runs advance and report; fat clients move more bytes per transaction
  await expect
    .poll(async () => {
      const a = Number((await page.getByTestId('compare-a-bytesPerTx').textContent())?.replace(/[^\d]/g, '') || 0);
      const b = Number((await page.getByTestId('compare-b-bytesPerTx').textContent())?.replace(/[^\d]/g, '') || 0);
      return a > 0 && b > a * 1.5;
    }, { timeout: 30_000 })
    .toBe(true);
  await expect(page.getByTestId('compare-panel')).toContainText('run B (every client fat');
  // pausing pauses both
  await page.getByTestId('play').click();
  // the pause reaches the worker after a frame or two: read the panel once the page knows it is paused
  await expect.poll(async () => (await snapshot(page)).playing).toBe(false);
  await page.waitForTimeout(200);
  const b1 = await page.getByTestId('compare-panel').textContent();
  await page.waitForTimeout(800);
  expect(await page.getByTestId('compare-panel').textContent()).toBe(b1);
  expect(errors).toEqual([]);
});
