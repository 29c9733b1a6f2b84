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

test('cluster vs SMP: the same job on one 8-processor box and on 8 nodes; migration spreads piled-up processes (CL-VS-SMP, CL-MIGRATION)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=smp&speed=50');
  await expect(page.getByTestId('par-smp')).toContainText('8 processors');
  await expect(page.getByTestId('par-results').locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId('par-results')).toContainText('SMP, 8 CPUs');
  await openLab(page, '?lang=en&preset=migration&speed=20');
  await waitForStat(page, 'migrations', (v) => v > 3, 20_000);
  await expect(page.getByText(/Processes migrated so far/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('single-system image: a login lands on a node, a change reaches every node, a written page changes owner (CL-SSI, CL-MIDDLEWARE)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=ssi&speed=5');
  await page.getByTestId('ssi-login').click();
  await expect(page.getByTestId('ssi-sessions')).toContainText(/[1-9]\d* sessions/);
  await page.getByTestId('ssi-admin').click();
  await expect(page.getByTestId('ssi-applied')).toContainText('applied on 4 of 4 nodes', { timeout: 10_000 });
  await page.getByTestId('ssi-node').selectOption('n03');
  await page.getByTestId('ssi-writepage').click();
  await expect(page.getByTestId('ssi-dsm')).toContainText(/copies invalidated by writes: [1-9]/, { timeout: 10_000 });
  expect(errors).toEqual([]);
});

for (const preset of ['beowulf', 'amdahl', 'parsum', 'checkpoint', 'migration', 'smp', 'ssi']) {
  test(`preset ${preset} loads and runs without console errors`, async ({ page }) => {
    const errors = await openLab(page, `?lang=es&preset=${preset}&speed=10`);
    await expect(page.getByTestId('preset')).toHaveValue(preset);
    await expect(page.getByTestId('parallel-panel')).toBeVisible();
    await waitForStat(page, 'tasksCompleted', (v) => v > 0, 30_000);
    expect(errors).toEqual([]);
  });
}
