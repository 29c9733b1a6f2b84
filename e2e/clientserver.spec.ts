import { expect, test, type Page } from '@playwright/test';
import { openLab, snapshot, waitForStat } from './fixtures/lab';

const appUtil = (page: Page) => page.getByRole('meter', { name: 'app-1' });

test('switching fat → thin raises the server utilisation within a few simulated seconds (CS-FAT-THIN, CS-BOTTLENECK)', async ({ page }) => {
  await openLab(page, '?lang=en&preset=fat&clients=120&speed=5');
  await waitForStat(page, 'requestsCompleted', (v) => v > 100);
  expect(Number(await appUtil(page).getAttribute('aria-valuenow'))).toBeLessThan(5);
  const before = await snapshot(page);
  await page.getByTestId('thin').click();
  await expect(page.getByTestId('thin')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await appUtil(page).getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThan(20);
  const after = await snapshot(page);
  expect(after.nowUs - before.nowUs).toBeLessThan(30_000_000);
  // and back: fat clients take the work off the server again
  await page.getByTestId('fat').click();
  await expect.poll(async () => Number(await appUtil(page).getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeLessThan(5);
});

test('the SQL of a selected message is shown, with its rows (CS-DB)', async ({ page }) => {
  await openLab(page, '?lang=en&preset=database&speed=0.5');
  await waitForStat(page, 'messagesDelivered', (v) => v > 4);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByTestId('log-type').selectOption('messageSent');
  await page.getByTestId('log-rows').getByRole('button', { name: /sent SQL query/ }).first().click();
  await expect(page.getByTestId('message-sql')).toContainText(/^SELECT id, order_date, total FROM orders WHERE customer_id = \d+$/);
  await page.getByTestId('log-rows').getByRole('button', { name: /sent result set/ }).first().click();
  await expect(page.getByTestId('message-rows')).toHaveText(/^\d+$/);
});

for (const preset of ['office', 'mainframe', 'thin', 'fat', 'coop', 'database']) {
  test(`preset ${preset} loads and runs without console errors`, async ({ page }) => {
    const errors = await openLab(page, `?lang=en&preset=${preset}&speed=5`);
    await expect(page.getByTestId('preset')).toHaveValue(preset);
    await waitForStat(page, 'requestsCompleted', (v) => v > 3);
    expect((await snapshot(page)).stats.requestsFailed).toBe(0);
    expect(errors).toEqual([]);
  });
}

test('choosing a preset from the menu starts it; one client can be switched on its own', async ({ page }) => {
  await openLab(page, '?lang=es');
  await page.getByTestId('preset').selectOption('coop');
  await expect(page.getByTestId('class-coop')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('node-client-2').click();
  await page.getByTestId('node-class').selectOption({ label: 'Basado en el cliente (pesado)' });
  await expect(page.getByTestId('node-class')).toHaveValue('2');
  await page.getByTestId('node-client-1').click();
  await expect(page.getByTestId('node-class')).toHaveValue('3');
});

test('a deployment touches every fat client, but only the server for thin ones (CS-FAT-COST, CS-THIN-MIGR)', async ({ page }) => {
  await openLab(page, '?lang=en&preset=fat&clients=6&speed=100');
  await page.getByTestId('deploy').click();
  await expect(page.getByTestId('deploy-status')).toContainText('Last deployment: 7 machines touched, 150 MB', { timeout: 20_000 });
  await page.getByTestId('thin').click();
  await page.getByTestId('deploy').click();
  await expect(page.getByTestId('deploy-status')).toContainText('Last deployment: 1 machines touched, 0 MB', { timeout: 20_000 });
});

test('a heavier feature and more clients are one click away (CS-FAT-COST)', async ({ page }) => {
  await openLab(page, '?lang=en&preset=fat&speed=10');
  await page.getByTestId('add-feature').click();
  await expect(page.getByTestId('processing-panel')).toContainText('×2 the original work');
  await page.getByTestId('clients').fill('40');
  await page.getByTestId('apply-proc').click();
  await expect(page.getByTestId('node-client-40')).toBeVisible();
  await page.getByTestId('clients').fill('0');
  await page.getByTestId('apply-proc').click();
  await expect(page.getByTestId('notices')).toContainText('The number of clients must be between 1 and 1000');
});
