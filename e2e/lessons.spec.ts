import { expect, test, type Page } from '@playwright/test';
import { openLab, snapshot } from './fixtures/lab';

/** The words each language uses on the lesson panel. */
const WORDS = {
  es: { step: (n: number) => `Paso ${n} de 4`, first: 'Un sistema distribuido', finished: 'Lección completada', complete: 'Completada' },
  en: { step: (n: number) => `Step ${n} of 4`, first: 'A distributed system', finished: 'Lesson complete', complete: 'Completed' },
} as const;

/** The lesson panel sits beside the graph: their boxes never overlap. */
async function expectGraphUncovered(page: Page): Promise<void> {
  const a = (await page.getByTestId('lesson-panel').boundingBox())!;
  const b = (await page.getByTestId('graph').boundingBox())!;
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, 'the lesson panel covers the graph').toBe(false);
}

for (const lang of ['es', 'en'] as const) {
  test(`the whole first lesson in ${lang}: read, a condition goal, an action goal, done and remembered`, async ({ page }) => {
    const w = WORDS[lang];
    const errors = await openLab(page, `?lang=${lang}&lesson=intro&speed=4`);
    const panel = page.getByTestId('lesson-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('lesson-step')).toHaveText(w.step(1));
    await expect(page.getByTestId('lesson-text')).toContainText(w.first);
    await expectGraphUncovered(page);
    // the machine the step talks about is selected on the graph
    await expect(page.getByTestId('node-app')).toHaveClass(/selected/);

    // 1: reading is enough
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson-step')).toHaveText(w.step(2));
    // 2: a condition on the simulation (40 messages delivered)
    await expect(page.getByTestId('lesson-done')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('lesson-next').click();
    // 3: the learner's action (crash the database server), through the ordinary controls
    await expect(page.getByTestId('lesson-step')).toHaveText(w.step(3));
    await expect(page.getByTestId('lesson-done')).toHaveCount(0);
    await expect(page.getByTestId('lesson-next')).toBeDisabled();
    await page.getByTestId('node-db').click();
    await page.getByTestId('crash').click();
    await expect(page.getByTestId('lesson-done')).toBeVisible({ timeout: 10_000 });
    await page.getByTestId('lesson-next').click();
    // 4: the consequence (a request fails)
    await expect(page.getByTestId('lesson-step')).toHaveText(w.step(4));
    await expect(page.getByTestId('lesson-done')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson-finished')).toContainText(w.finished);

    // progress is kept: the home screen says so, after a reload too
    await page.getByTestId('lesson-home-link').click();
    await expect(page.getByTestId('lesson-status-intro')).toHaveText(w.complete);
    await page.reload();
    await page.getByTestId('lessons-button').click();
    await expect(page.getByTestId('lesson-status-intro')).toHaveText(w.complete);
    expect(errors).toEqual([]);
  });
}

test('predict then observe, take over and return, back and skip (Windows cluster lesson)', async ({ page }) => {
  const errors = await openLab(page, '?lang=en&lesson=wcs&step=3&speed=20');
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 3 of 7');
  // take over: play freely with the same simulation; the crash done meanwhile counts when returning
  await page.getByTestId('lesson-takeover').click();
  await expect(page.getByTestId('lesson-free')).toContainText('step 3');
  await page.getByTestId('node-node-1').click();
  await page.getByTestId('crash').click();
  await page.getByTestId('lesson-return').click();
  await expect(page.getByTestId('lesson-done')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('lesson-next').click();
  // the question comes first, with the simulation paused
  await expect(page.getByTestId('lesson-predict')).toBeVisible();
  await expect.poll(async () => (await snapshot(page)).playing).toBe(false);
  await page.getByTestId('predict-0').click();
  await expect.poll(async () => (await snapshot(page)).playing).toBe(true);
  await expect(page.getByTestId('lesson-choice')).toContainText('node-2');
  await expect(page.getByTestId('lesson-done')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('lesson-compare')).toContainText('The simulation agrees with you.');
  await expect(page.getByTestId('group-sql-where')).toHaveText('online on node-2');
  // back and skip are always there
  await page.getByTestId('lesson-back').click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 3 of 7');
  await page.getByTestId('lesson-skip').click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 4 of 7');
  expect(errors).toEqual([]);
});

test('a shared link reopens the lesson at the sender’s step on the sender’s run; an unknown lesson is named', async ({ page, browser }) => {
  const errors = await openLab(page, '?lang=en&lesson=clientserver&step=2&speed=4');
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 4');
  await page.getByTestId('play').click();
  await page.getByTestId('share').click();
  // the link is made once the share codec has loaded
  await expect(page.getByTestId('share-url')).toHaveValue(/\?s=/);
  const url = await page.getByTestId('share-url').inputValue();
  const sent = await snapshot(page);
  const other = await browser.newPage();
  const otherErrors = await openLab(other, url.slice(url.indexOf('?')));
  await expect(other.getByTestId('lesson-step')).toHaveText('Step 2 of 4');
  await expect(other.getByTestId('lesson-text')).toContainText('The vocabulary');
  await expect.poll(async () => (await snapshot(other)).traceHash).toBe(sent.traceHash);
  await other.goto('/?lang=en&lesson=nosuch');
  await expect(other.getByTestId('notices')).toContainText('There is no lesson “nosuch”');
  await expect(other.getByTestId('lesson-panel')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});
