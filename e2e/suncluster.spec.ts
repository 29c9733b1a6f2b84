import { expect, test } from '@playwright/test';
import { openLab, waitForStat } from './fixtures/lab';

test('Sun Cluster, packet filter: one address; a process migrates; failing the interface node moves the address to another node (SUN-SSI, SUN-PROC, SUN-NET-FILTER)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=sunnet&speed=2');
  await expect(page.getByTestId('sun-ssi')).toContainText('192.0.2.10');
  await expect(page.getByTestId('sun-table')).toBeVisible();
  // a process moves, with its threads, to the least loaded node (SUN-PROC)
  await page.locator('[data-testid^="sun-migrate-"]').first().click();
  await expect(page.getByTestId('sun-net-panel')).toContainText('Migrated 1');
  await waitForStat(page, 'requestsCompleted', (v) => v > 20);
  await page.getByTestId('sun-crash-iface').click();
  await expect(page.getByTestId('sun-log')).toContainText('took the shared address from sun-1', { timeout: 20_000 });
  await expect(page.getByTestId('sun-node-sun-1')).toContainText('down');
  expect(errors).toEqual([]);
});

test('Sun Cluster, all protocol processing on one node: raising the load saturates that node first, in Spanish (SUN-NET-OPTIONS)', async ({ page }) => {
  const errors = await openLab(page, '?lang=es&preset=sunsingle&speed=2');
  await expect(page.getByTestId('sun-design-single')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('sun-load-8').click();
  await expect(page.getByTestId('sun-node-sun-1').locator('td.bad')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sun-node-sun-2').locator('td.num.bad')).toHaveCount(0);
  // switching to the packet filter spreads the work
  await page.getByTestId('sun-design-filter').click();
  await expect(page.getByTestId('sun-design-help')).toContainText('los filtra');
  expect(errors).toEqual([]);
});

test('Sun Cluster, one address per node: the cluster is not transparent, and a failed node strands its clients (SUN-NET-OPTIONS)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=sunpernode&speed=4');
  await expect(page.getByTestId('sun-ssi')).toContainText('Not transparent');
  await page.getByTestId('sun-toggle-sun-2').click();
  await expect(page.getByTestId('sun-log')).toContainText('application of sun-2 moved to', { timeout: 20_000 });
  await waitForStat(page, 'requestsFailed', (v) => v > 0, 30_000);
  expect(errors).toEqual([]);
});

test('Sun Cluster global file system: a read from another node goes through the proxy, then the cache serves it (SUN-GFS, SUN-VNODE, SUN-CACHE)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=sungfs&speed=1');
  await page.getByTestId('sun-fs-node').selectOption('sun-4');
  await page.getByTestId('sun-fs-go').click();
  await expect(page.getByTestId('sun-fs-results')).toContainText('/global/www/index.html');
  await expect(page.getByTestId('sun-fs-cached')).toContainText('index.html v');
  await page.getByTestId('sun-caches').uncheck();
  await expect(page.getByTestId('sun-caches')).not.toBeChecked();
  await expect(page.getByTestId('sun-fs-cached')).not.toContainText('index.html v');
  expect(errors).toEqual([]);
});
