import { expect, test, type Page } from '@playwright/test';
import { nodePoint, openLab, snapshot, waitForStat } from './fixtures/lab';

const PRESETS = ['noshm', 'sendrecv', 'reliable', 'blocking', 'rpc', 'byref', 'binding', 'async', 'orb'];

/** A number the space-time diagram writes on its container (what is in view now). */
async function inView(page: Page, what: 'messages' | 'lost' | 'retransmits' | 'blocked' | 'calls'): Promise<number> {
  return Number((await page.getByTestId('spacetime').getAttribute(`data-${what}`)) ?? 0);
}

test('raising a link’s loss rate makes retransmissions and lost messages appear in the space-time diagram (MP-RELIABLE)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=sendrecv&speed=1');
  await expect.poll(() => inView(page, 'messages')).toBeGreaterThan(0);
  expect(await inView(page, 'retransmits')).toBe(0);
  const a = await nodePoint(page, 'm2');
  const b = await nodePoint(page, 'net');
  await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
  await expect(page.getByTestId('inspector-link')).toBeVisible();
  await page.getByTestId('link-lossRate').fill('50');
  await page.getByTestId('apply-link').click();
  await waitForStat(page, 'mpRetransmissions', (v) => v > 0);
  await page.getByTestId('st-window').selectOption('5');
  await expect.poll(() => inView(page, 'retransmits'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(() => inView(page, 'lost'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('mp-counters')).toContainText(/Retransmissions [1-9]/);
  expect(errors).toEqual([]);
});

test('a synchronous caller is shown blocked while its call is outstanding (RPC-SYNC, MP-BLOCK)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=rpc&speed=0.5');
  let outstanding = 0;
  for (let i = 0; i < 60 && outstanding < 3; i++) {
    const s = await page.evaluate(() => {
      const st = (window.__distlab!.store as { getState(): { view: { models: Record<string, unknown> } } }).getState();
      return st.view.models.messaging as { procs: { id: string; state: number }[]; rpc: { recent: { step: number; replied: boolean }[] } };
    });
    const call = s.rpc.recent.find((c) => c.step >= 3 && c.step < 9 && !c.replied);
    if (call) {
      outstanding++;
      // 3 = blocked in Receive: waiting for the reply
      expect(s.procs.find((p) => p.id === 'C')!.state).toBe(3);
    }
    await page.waitForTimeout(50);
  }
  expect(outstanding).toBeGreaterThan(0);
  await expect(page.getByTestId('proc-state-C')).toHaveText('blocked in Receive', { timeout: 10_000 });
  await expect.poll(() => inView(page, 'blocked')).toBeGreaterThan(0);
  await expect.poll(() => inView(page, 'calls')).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('hovering an arrow in the diagram selects that message in the inspector', async ({ page }) => {
  await openLab(page, '?lang=en&preset=sendrecv&speed=1');
  await expect.poll(() => inView(page, 'messages'), { timeout: 10_000 }).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Pause' }).click();
  const box = (await page.getByTestId('spacetime').boundingBox())!;
  let found = false;
  // sweep between the two process lines until an arrow is under the pointer
  for (let x = box.x + 125; x < box.x + box.width - 10 && !found; x += 3) {
    await page.mouse.move(x, box.y + 14 + 40);
    found = ((await page.getByTestId('st-hover').textContent()) ?? '').includes('Message');
  }
  expect(found).toBe(true);
  await expect(page.getByTestId('inspector-message')).toBeVisible();
});

test('choosing a message in the event log highlights its arrow in the diagram', async ({ page }) => {
  await openLab(page, '?lang=en&preset=sendrecv&speed=1');
  await expect.poll(() => inView(page, 'messages'), { timeout: 10_000 }).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('spacetime')).toHaveAttribute('data-highlight', '-1');
  await page.getByTestId('log-rows').locator('button[data-type="messageSent"]').first().click();
  await expect(page.getByTestId('spacetime')).not.toHaveAttribute('data-highlight', '-1');
});

test('without a copy, changing the buffer while the message is in transit changes what arrives (MP-NONBLOCK)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=blocking&speed=1');
  await page.getByTestId('mp-proc').selectOption('N1');
  await expect(page.getByTestId('mp-copy')).not.toBeChecked();
  for (let i = 0; i < 40; i++) {
    await page.getByTestId('mp-mutate').click();
    if (await page.getByTestId('mp-altered').count()) break;
    await page.waitForTimeout(100);
  }
  await expect(page.getByTestId('mp-altered').first()).toContainText('changed in transit');
  expect((await snapshot(page)).stats.mpBlockedRan).toBe(0);
  expect(errors).toEqual([]);
});

test('selecting a machine shows its message-passing module, with out-of-order arrivals waiting in the reorder buffer (MP-MODULE, MP-RELIABLE)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&preset=reliable&speed=1');
  await page.getByTestId('node-m2').click();
  await expect(page.getByTestId('mp-module')).toContainText('Receive buffers');
  await expect(page.getByTestId('mp-reorder')).toContainText('waiting for #', { timeout: 30_000 });
  await page.getByTestId('node-m1').click();
  await expect(page.getByTestId('mp-unacked')).toContainText('retry', { timeout: 10_000 });
  // where the timer is shown, what is RFC 6298's, what is Linux's, and what the lab shortens
  await expect(page.getByTestId('mp-rto-rule')).toContainText('never goes below 1 s');
  await expect(page.getByTestId('mp-rto-rule')).toContainText('200 ms (TCP_RTO_MIN)');
  await expect(page.getByTestId('mp-rto-rule')).toContainText('doubling up to 8 s (not 120 s), failure reported after 5 retries (not 15)');
  await expect(page.getByTestId('mp-rto-rule')).toContainText('The first timeout is 200 ms here instead of 1 s');
  expect(errors).toEqual([]);
});

test('the retransmission timer’s rule in Spanish, with the default first timeout of 1 s (MP-RELIABLE)', async ({ page }) => {
  const errors = await openLab(page, '?lang=es&preset=sendrecv&speed=1');
  await page.getByTestId('node-m1').click();
  await expect(page.getByTestId('mp-rto-rule')).toContainText('primer plazo de 1 s, mínimo de 200 ms como en Linux');
  await expect(page.getByTestId('mp-rto-rule')).not.toContainText('en lugar de 1 s');
  expect(errors).toEqual([]);
});

for (const preset of PRESETS) {
  test(`the ${preset} preset loads, draws its diagram and logs no console errors`, async ({ page }) => {
    const errors = await openLab(page, `?lang=${preset === 'orb' ? 'es' : 'en'}&preset=${preset}&speed=4`);
    await expect(page.getByTestId('mp-panel')).toBeVisible();
    await expect.poll(() => inView(page, 'messages'), { timeout: 15_000 }).toBeGreaterThan(0);
    if (['rpc', 'byref', 'binding', 'async', 'orb'].includes(preset)) await expect(page.getByTestId('rpc-panel')).toBeVisible();
    if (preset === 'orb') await expect(page.getByTestId('rpc-directory')).toContainText('Account');
    await page.waitForTimeout(1000);
    expect(errors).toEqual([]);
  });
}
