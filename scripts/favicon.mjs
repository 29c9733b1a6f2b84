// Renders public/favicon.svg to public/favicon.png (32 px): a PNG icon costs the page nothing to show,
// while an SVG one is built as a document on the page's main thread while it starts. Run by hand after editing the SVG.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import './ensure-chromium.mjs';
import { chromiumArgs, executablePath } from './chromium.mjs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 32, height: 32 } });
await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', '<svg width="32" height="32" ')}`);
writeFileSync('public/favicon.png', await page.screenshot({ omitBackground: true }));
await browser.close();
