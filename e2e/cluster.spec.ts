import { expect, test } from '@playwright/test';
import { openLab, snapshot, waitForStat } from './fixtures/lab';

test('crashing a node moves its group to the next preferred node and the service keeps answering (CL-FAILOVER)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=cluster&speed=20');
  await expect(page.getByTestId('group-sql-where')).toHaveText('online on node-1');
  await waitForStat(page, 'requestsCompleted', (v) => v > 5);
  await page.getByTestId('node-node-1').click();
  await page.getByTestId('crash').click();
  await expect(page.getByTestId('group-sql-where')).toHaveText('online on node-2', { timeout: 20_000 });
  const done = (await snapshot(page)).stats.requestsCompleted!;
  await waitForStat(page, 'requestsCompleted', (v) => v > done + 10);
  await expect(page.getByTestId('replicas')).toHaveText('The running nodes’ copies agree.', { timeout: 10_000 });
  expect(errors).toEqual([]);
});

test('the split-brain preset shows the violation (quorum off)', async ({ page }) => {
  await openLab(page, '?lang=en&preset=splitbrain&speed=50');
  await expect(page.getByTestId('quorum')).not.toBeChecked();
  await expect(page.getByTestId('split-brain')).toContainText('Split brain', { timeout: 20_000 });
});

test('the cluster panel speaks Spanish', async ({ page }) => {
  await openLab(page, '?lang=es&preset=cluster&speed=10');
  await expect(page.getByRole('heading', { name: 'Clúster Windows' })).toBeVisible();
  await expect(page.getByTestId('group-sql-where')).toHaveText('en línea en node-1', { timeout: 10_000 });
});
