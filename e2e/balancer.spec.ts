import { expect, test, type Page } from '@playwright/test';
import { openLab, snapshot, waitForStat } from './fixtures/lab';

/** Requests per second each service node answered lately, as the load balancer panel shows it. */
async function rates(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const s = (window.__distlab!.store as { getState(): { panelView: { models: { balancer: { backends: { id: string; rate: number }[] } } } } }).getState();
    return Object.fromEntries(s.panelView.models.balancer.backends.map((b) => [b.id, b.rate]));
  });
}

test('switching the balancing algorithm changes the per-node load (CL-LB)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=balance&speed=20');
  await expect(page.getByTestId('lb-algorithm')).toHaveValue('roundrobin');
  // round robin: the fast web-1 and the slow web-4 get the same share
  await expect.poll(async () => { const r = await rates(page); return r['web-4']! > 20 && Math.abs(r['web-1']! / r['web-4']! - 1) < 0.15; }, { timeout: 20_000 }).toBe(true);
  await page.getByTestId('lb-algorithm').selectOption('swrr');
  await expect(page.getByText('as often as its weight says')).toBeVisible();
  // weights 2:1 — web-1 now answers about twice what web-4 does
  await expect.poll(async () => { const r = await rates(page); return r['web-1']! / r['web-4']!; }, { timeout: 30_000 }).toBeGreaterThan(1.7);
  expect(errors).toEqual([]);
});

test('a crashed service node is marked down and the service keeps answering; an added node joins the rotation (CL-SCALE-INC)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=balance&speed=20');
  await page.getByTestId('lb-algorithm').selectOption('leastconn');
  await waitForStat(page, 'requestsCompleted', (v) => v > 200);
  await page.getByTestId('node-web-2').click();
  await page.getByTestId('crash').click();
  await expect(page.getByTestId('lb-state-web-2')).toHaveText('down', { timeout: 20_000 });
  const done = (await snapshot(page)).stats.requestsCompleted!;
  await waitForStat(page, 'requestsCompleted', (v) => v > done + 500);
  await page.getByTestId('lb-add').click();
  await expect(page.getByTestId('lb-state-web-5')).toHaveText(/checking|up/);
  await expect(page.getByTestId('lb-state-web-5')).toHaveText('up', { timeout: 20_000 });
  await expect.poll(async () => (await rates(page))['web-5'] ?? 0, { timeout: 20_000 }).toBeGreaterThan(5);
  expect(errors).toEqual([]);
});

test('one dispatcher is a single point of failure; a redundant pair keeps the service up (CL-SPOF)', async ({ page }) => {
  // at 10x the minute lb-1 is down (0:30 to 1:30 of the scenario) lasts six seconds: the page keeps up now, so at 50x it was gone in one
  await openLab(page, '?lang=en&preset=spof&speed=10');
  // the scenario crashes lb-1 at 0:30
  await expect(page.getByTestId('lb-dispatchers')).toContainText('lb-1: down', { timeout: 30_000 });
  await waitForStat(page, 'requestsFailed', (v) => v > 50);
  await openLab(page, '?lang=en&preset=redundant&speed=50');
  await expect(page.getByTestId('lb-dispatchers')).toContainText('lb-2: holds the service address', { timeout: 30_000 });
  const s = await snapshot(page);
  await waitForStat(page, 'requestsCompleted', (v) => v > s.stats.requestsCompleted! + 500);
});

test('on the scale-out preset a slow interconnect is shown saturated, in Spanish (CL-NET-BOTTLENECK)', async ({ page }) => {
  const errors = await openLab(page, '?lang=es&preset=scaleout&speed=20');
  await expect(page.getByRole('heading', { name: 'Equilibrador de carga' })).toBeVisible();
  await page.getByTestId('lb-ic-10').click();
  await expect(page.getByTestId('lb-ic-10')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('La interconexión está saturada')).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});
