// Takes a screenshot of a page in the system Chromium: `node scripts/screenshot.mjs URL OUT.png [width height waitMs]`.
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from './chromium.mjs';

const [url, out, width = '1400', height = '900', wait = '2500'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', String(e)));
await page.goto(url);
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
