import { expect, test } from '@playwright/test';
import { openLab, snapshot } from './fixtures/lab';

test('the event log keeps thousands of events scrollable but draws only the rows in view', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=thin&speed=50');
  const rows = page.getByTestId('log-rows');
  await expect.poll(async () => Number(await rows.getAttribute('data-rows')), { timeout: 30_000 }).toBeGreaterThan(3000);
  await page.getByTestId('play').click();
  await expect.poll(async () => (await snapshot(page)).playing).toBe(false);
  const kept = Number(await rows.getAttribute('data-rows'));
  expect(await rows.locator('li').count()).toBeLessThan(100);
  const newest = await rows.locator('li .time').first().textContent();
  // scrolled to the far end: the oldest kept events, still only a window of rows
  await rows.evaluate((el) => {
    const box = el.parentElement!;
    box.scrollTop = box.scrollHeight;
  });
  await expect.poll(async () => rows.locator('li .time').last().textContent()).not.toBe(newest);
  expect(await rows.locator('li').count()).toBeLessThan(100);
  const oldest = (await rows.locator('li .time').last().textContent())!;
  expect(oldest < newest!).toBe(true);
  expect(kept).toBeGreaterThan(3000);
  expect(errors).toEqual([]);
});

test('a Beowulf of a thousand nodes loads in racks, runs its job, and can be resized from the panel', async ({ page }) => {
  const errors = await openLab(page, '?lang=es&preset=beowulf&nodes=1000&speed=5');
  const s = await snapshot(page);
  expect(s.nowUs).toBeGreaterThanOrEqual(0);
  const topo = await page.evaluate(() => (window.__distlab!.store as { getState(): { topology: { nodes: { id: string }[] } } }).getState().topology.nodes.map((n) => n.id));
  expect(topo.filter((id) => /^n\d{4}$/.test(id))).toHaveLength(1000);
  expect(topo.filter((id) => id.startsWith('rack-'))).toHaveLength(32);
  // the farm's results come back from the racks
  await expect.poll(async () => (await snapshot(page)).nowUs, { timeout: 30_000 }).toBeGreaterThan(2_000_000);
  const size = page.getByTestId('cluster-size');
  await expect(size).toHaveValue('1000');
  await expect(page.getByTestId('parallel-panel')).toContainText('(2–1024)');
  await size.fill('64');
  await page.getByTestId('cluster-size-apply').click();
  await expect.poll(async () => (await snapshot(page)).scenario).toMatchObject({ nodes: 64 });
  expect(errors).toEqual([]);
});

test('the graph zooms with the wheel, pans by dragging, and "Whole graph" brings the whole network back', async ({ page }) => {
  await openLab(page, '?lang=en&preset=thin&clients=200&paused=1');
  const at = () => page.evaluate(() => (window.__distlab!.renderer as { screenPositionOf(id: string): { x: number; y: number } | null }).screenPositionOf('app'));
  const fitted = (await at())!;
  const box = (await page.getByTestId('graph').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.abs((await at())!.x - fitted.x)).toBeGreaterThan(50);
  await page.getByTestId('graph-fit').click();
  await expect.poll(async () => Math.abs((await at())!.x - fitted.x) + Math.abs((await at())!.y - fitted.y)).toBeLessThan(2);
});

test('with a thousand machines the figures show the busiest ones and the mean, not a thousand bars', async ({ page }) => {
  await openLab(page, '?lang=en&preset=beowulf&nodes=1000&speed=5');
  await expect(page.getByTestId('util-top')).toContainText('The 16 busiest of 1,001 machines');
  await expect(page.locator('.util-bars li')).toHaveCount(16);
});
