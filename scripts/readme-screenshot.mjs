// Refreshes docs/screenshot.png from a running app: `node scripts/readme-screenshot.mjs http://127.0.0.1:5173/`.
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from './chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:5173/';
const browser = await chromium.launch({
  executablePath,
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${base}?lang=en&clients=8`);
await page.waitForTimeout(2500);
await page.getByTestId('node-app').click();
await page.waitForTimeout(1200);
// wait for a moment with a message on the wire, so the picture shows one travelling
for (let i = 0; i < 40; i++) {
  const n = await page.evaluate(() => window.__distlab.store.getState().view.messages.length);
  if (n >= 12) break;
  await page.waitForTimeout(100);
}
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
