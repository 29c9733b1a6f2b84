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

test('the same failure under high availability and fault tolerance: half-done transactions vs rolled back, no commit lost (CL-HA-VS-FT)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=ha&speed=20');
  await expect(page.getByTestId('mode-ha')).toHaveAttribute('aria-pressed', 'true');
  // node-1 fails at 0:40 with transactions in progress
  await waitForStat(page, 'txHalfDone', (v) => v > 0, 30_000);
  await expect(page.getByTestId('failover-time-0')).toContainText('Last failover of SQL Server');
  await openLab(page, '?lang=en&preset=ft&speed=20');
  await waitForStat(page, 'txRolledBack', (v) => v > 0, 30_000);
  await expect(page.getByText('Checker: no committed transaction lost.')).toBeVisible();
  await expect(page.getByTestId('data-half')).toHaveText('0');
  expect(errors).toEqual([]);
});

test('separate servers lose the commits not yet copied; a cluster node shows its cluster service parts (CL-CONFIG, WCS-EVENTS)', async ({ page }) => {
  await openLab(page, '?lang=es&preset=separate&speed=20');
  await waitForStat(page, 'commitsLost', (v) => v > 0, 30_000);
  await expect(page.getByTestId('data-lost')).not.toHaveText('0');
  await page.getByTestId('node-node-2').click();
  const parts = page.getByTestId('service-parts');
  for (const part of ['Gestor de nodos', 'Gestor de la base de datos de configuración', 'Monitor de recursos', 'Procesador de eventos', 'Gestor de comunicaciones', 'Gestor de actualizaciones globales']) {
    await expect(parts).toContainText(part);
  }
});

test('the cluster size can be chosen from 2 to 32 nodes, and a bad size in the address is explained (WCS-NODEMGR)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=cluster&nodes=8&speed=10');
  await expect(page.getByTestId('cluster-size')).toHaveValue('8');
  await expect(page.getByTestId('membership').locator('tbody tr')).toHaveCount(8);
  await page.getByTestId('cluster-size').fill('3');
  await page.getByTestId('cluster-size-apply').click();
  await expect(page.getByTestId('membership').locator('tbody tr')).toHaveCount(3);
  expect(errors).toEqual([]);
  await openLab(page, '?lang=en&preset=cluster&nodes=99');
  await expect(page.getByTestId('notices')).toContainText('The number of cluster nodes');
});

test('a move to a chosen node, a refused move explained in both languages, the failback window and the witness of a two-node cluster (WCS-FAILOVER-MGR, WCS-PREFERRED)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=cluster&speed=20');
  await expect(page.getByTestId('group-sql-where')).toHaveText('online on node-1');
  await expect(page.getByTestId('votes')).toContainText('Votes counted: 3 of 3');
  await page.getByTestId('move-target-sql').selectOption('node-3');
  await page.getByTestId('move-sql').click();
  await expect(page.getByTestId('group-sql-where')).toHaveText('online on node-3', { timeout: 20_000 });
  // already there: refused, nothing changes
  await page.getByTestId('move-sql').click();
  await expect(page.getByTestId('notices')).toContainText('SQL Server is already on node-3.');
  await page.getByTestId('failback-sql').selectOption('window');
  await page.getByTestId('window-start-sql').fill('2');
  await page.getByTestId('window-end-sql').fill('4');
  await page.getByTestId('window-apply-sql').click();
  await expect(page.getByTestId('window-start-sql')).toHaveValue('2');
  await openLab(page, '?lang=es&preset=ha&speed=10');
  await expect(page.getByTestId('witness')).toContainText('Disco testigo en el bus compartido');
  await page.getByTestId('witness-kind').selectOption('share');
  await page.getByTestId('witness-apply').click();
  await expect(page.getByTestId('witness')).toContainText('Testigo de recurso compartido');
  await expect(page.getByTestId('group-sql-where')).toHaveText('en línea en node-1', { timeout: 20_000 });
  await page.getByTestId('move-target-sql').selectOption('node-1');
  await page.getByTestId('move-sql').click();
  await expect(page.getByTestId('notices')).toContainText('SQL Server ya está en node-1.');
  expect(errors).toEqual([]);
});
