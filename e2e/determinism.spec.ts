import { expect, test } from '@playwright/test';
import { createSimulation } from '../src/engine/createSimulation';
import { replay, type LoggedCommand } from '../src/engine/replay';
import { buildWorld, DEFAULT_SCENARIO } from '../src/scenario/scenario';
import { openLab, snapshot } from './fixtures/lab';

test('the browser worker computes the same trace hash as Node for the same seed and commands', async ({ page }) => {
  await openLab(page, '?lang=en&seed=77&speed=20');
  await page.waitForTimeout(800);
  await page.getByTestId('node-db').click();
  await page.getByTestId('crash').click();
  await page.waitForTimeout(500);
  await page.getByTestId('restart').click();
  await page.getByTestId('add-client').click();
  await page.waitForTimeout(500);
  await page.getByTestId('play').click();
  await page.getByTestId('step').click();
  await page.waitForTimeout(200);
  const s = await snapshot(page);
  expect(s.playing).toBe(false);
  expect(s.commandLog).toHaveLength(3);
  const sim = createSimulation(buildWorld({ ...DEFAULT_SCENARIO, seed: 77 }), 77);
  replay(sim, s.commandLog as LoggedCommand[], s.eventsProcessed);
  expect(sim.eventsProcessed).toBe(s.eventsProcessed);
  expect(sim.trace.hash()).toBe(s.traceHash);
});
