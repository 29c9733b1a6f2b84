import { expect, test } from '@playwright/test';
import { openLab, waitForStat } from './fixtures/lab';

test('Beowulf: a parametric job farmed from the head; a signal kills a remote process and its run is requeued (BEO-BPROC, CL-PARAMETRIC)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=beowulf&speed=1');
  await expect(page.getByTestId('par-current')).toContainText('Parametric runs');
  const kill = page.locator('[data-testid^="par-kill-"]').first();
  await expect(kill).toBeVisible();
  await kill.click();
  await expect(page.getByTestId('par-procs')).toContainText('killed', { timeout: 10_000 });
  await expect(page.getByTestId('par-current')).toContainText('1 requeued');
  expect(errors).toEqual([]);
});

test('a sweep of the compile-time loop shows speed-up capped by Amdahl’s law, in Spanish (CL-PAR-COMPILER)', async ({ page }) => {
  const errors = await openLab(page, '?lang=es&preset=amdahl&speed=50');
  await expect(page.getByTestId('par-results').locator('tbody tr')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.getByTestId('par-results')).toContainText('×4.71');
  expect(errors).toEqual([]);
});

test('a checkpointed job survives its node’s failure, losing less than one interval (CL-CHECKPOINT)', async ({ page }) => {
  await openLab(page, '?lang=en&preset=checkpoint&speed=50');
  await waitForStat(page, 'jobsDone', (v) => v >= 1, 40_000);
  await expect(page.getByTestId('par-results')).toContainText('Long job with checkpoints');
});
