import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { nodePoint, openLab, snapshot, waitForStat } from './fixtures/lab';

test('the default office comes alive with no console errors (DS-SYSTEM, CS-ROLES)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en');
  await expect(page.getByRole('heading', { name: 'Distributed systems lab' })).toBeVisible();
  for (const kind of ['Client', 'Switch', 'Application server', 'Database server']) {
    await expect(page.getByTestId('nodes-title').or(page.locator('.node-list')).getByText(kind).first()).toBeVisible();
  }
  const first = await waitForStat(page, 'messagesDelivered', (v) => v > 0);
  await waitForStat(page, 'messagesDelivered', (v) => v > first + 5);
  await waitForStat(page, 'requestsCompleted', (v) => v > 0);
  await expect(page.getByTestId('stat-completed')).not.toHaveText('0');
  expect(errors).toEqual([]);
});

test('pause freezes simulated time; play resumes it', async ({ page }) => {
  await openLab(page, '?lang=en');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toContainText('Play');
  const a = await snapshot(page);
  await page.waitForTimeout(600);
  const b = await snapshot(page);
  expect(b.nowUs).toBe(a.nowUs);
  expect(b.eventsProcessed).toBe(a.eventsProcessed);
  await expect(page.getByTestId('clock')).toHaveAttribute('data-us', String(a.nowUs));
  await page.keyboard.press('Space');
  await expect.poll(async () => (await snapshot(page)).nowUs).toBeGreaterThan(a.nowUs);
});

test('step advances exactly one event, by button and by the Right arrow', async ({ page }) => {
  await openLab(page, '?lang=en&paused=1');
  const a = await snapshot(page);
  expect(a.playing).toBe(false);
  await page.getByTestId('step').click();
  await expect.poll(async () => (await snapshot(page)).eventsProcessed).toBe(a.eventsProcessed + 1);
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await snapshot(page)).eventsProcessed).toBe(a.eventsProcessed + 2);
  await page.waitForTimeout(300);
  expect((await snapshot(page)).eventsProcessed).toBe(a.eventsProcessed + 2);
});

test('crashing the server makes requests fail visibly; restarting it recovers', async ({ page }) => {
  await openLab(page, '?lang=en&speed=10');
  await waitForStat(page, 'requestsCompleted', (v) => v > 3);
  const server = await nodePoint(page, 'app');
  await page.mouse.click(server.x, server.y);
  await expect(page.getByTestId('inspector-node')).toContainText('app-1');
  await page.getByTestId('crash').click();
  await expect(page.getByTestId('node-state')).toHaveText('crashed');
  await waitForStat(page, 'requestsFailed', (v) => v >= 3);
  await expect(page.locator('.figure.bad')).toBeVisible();
  await expect(page.getByTestId('log-rows')).toContainText('failed: no answer in time');
  await page.getByTestId('restart').click();
  await expect(page.getByTestId('node-state')).toHaveText('up');
  // requests already waiting on the dead server may still time out; after that, answers flow again
  await page.waitForTimeout(1000);
  const failed = (await snapshot(page)).stats.requestsFailed!;
  const done = (await snapshot(page)).stats.requestsCompleted!;
  await waitForStat(page, 'requestsCompleted', (v) => v > done + 10);
  expect((await snapshot(page)).stats.requestsFailed).toBe(failed);
});

test('a link at 100% loss delivers nothing; a bad value is refused with a message', async ({ page }) => {
  await openLab(page, '?lang=en&speed=10');
  const a = await nodePoint(page, 'client-1');
  const b = await nodePoint(page, 'sw');
  await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
  await expect(page.getByTestId('inspector-link')).toBeVisible();
  await page.getByTestId('link-lossRate').fill('250');
  await page.getByTestId('apply-link').click();
  await expect(page.getByTestId('notices')).toContainText('Loss rate must be between 0 % and 100 %');
  await page.getByTestId('link-lossRate').fill('100');
  await page.getByTestId('apply-link').click();
  await page.waitForTimeout(300);
  const delivered = Number(await page.getByTestId('link-delivered').textContent());
  const before = await snapshot(page);
  await page.waitForTimeout(2500);
  const after = await snapshot(page);
  expect(after.nowUs - before.nowUs).toBeGreaterThan(10_000_000);
  await expect(page.getByTestId('link-delivered')).toHaveText(String(delivered));
  // the rest of the office still works
  expect(after.stats.requestsCompleted!).toBeGreaterThan(before.stats.requestsCompleted!);
});

test('cutting the server link fails requests; restoring it brings answers back', async ({ page }) => {
  await openLab(page, '?lang=en&speed=10');
  await waitForStat(page, 'requestsCompleted', (v) => v > 2);
  const a = await nodePoint(page, 'sw');
  const b = await nodePoint(page, 'app');
  await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
  await page.getByTestId('cut-link').click();
  await expect(page.getByTestId('link-state')).toHaveText('cut');
  await waitForStat(page, 'requestsFailed', (v) => v >= 2);
  await page.getByTestId('restore-link').click();
  await expect(page.getByTestId('link-state')).toHaveText('up');
  const done = (await snapshot(page)).stats.requestsCompleted!;
  await waitForStat(page, 'requestsCompleted', (v) => v > done + 5);
});

test('add and remove a client while it runs, pick an event from the filtered log', async ({ page }) => {
  await openLab(page, '?lang=en&speed=10');
  await page.getByTestId('add-client').click();
  await expect(page.getByTestId('node-client-7')).toBeVisible();
  await page.getByTestId('node-client-7').click();
  await page.getByTestId('remove').click();
  await expect(page.getByTestId('node-client-7')).toHaveCount(0);
  await page.getByTestId('node-client-2').click();
  await page.getByTestId('log-type').selectOption('requestCompleted');
  const row = page.getByTestId('log-rows').locator('button').first();
  await expect(row).toContainText('got its answer');
  await row.click();
  await expect(page.getByTestId('inspector-node')).toBeVisible();
  await page.getByTestId('log-node').selectOption({ label: 'db-1' });
  await page.getByTestId('log-type').selectOption('');
  await expect(page.getByTestId('log-rows').locator('button').first()).toContainText('db-1');
});

test('speaks Spanish and English', async ({ page }) => {
  await openLab(page, '?lang=es');
  await expect(page.getByRole('heading', { name: 'Laboratorio de sistemas distribuidos' })).toBeVisible();
  await expect(page.getByTestId('play')).toContainText('Pausa');
  await page.getByTestId('lang').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Distributed systems lab' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a broken address is explained and the default office still runs', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&seed=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&clients=99999');
  await expect(page.getByTestId('notices')).toContainText('The seed in the address');
  await expect(page.getByTestId('notices')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await waitForStat(page, 'messagesDelivered', (v) => v > 0);
  expect(errors).toEqual([]);
});

test('no serious or critical accessibility violations', async ({ page }) => {
  await openLab(page, '?lang=en');
  await page.getByTestId('node-app').click();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
