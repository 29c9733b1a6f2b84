// `npm run bench`: prints one `BENCH {json}` line per figure.
// 1. engine, cluster and seek figures in Node; 2. in Chromium: the renderer (the app's bench mode), start-up (initial JS, first frame of a shared link), long tasks and heap while the heaviest preset plays.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { buildForNode } from './build-node.mjs';
import { chromiumArgs, executablePath } from './chromium.mjs';

const port = Number(process.env.BENCH_PORT || 4399);
/** BENCH_ONLY=render,firstFrame,... runs only those benches (names as the functions', without 'Bench'). */
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const want = (name) => only.size === 0 || only.has(name);
/** Its own build folder, so a bench never swaps the files under someone's e2e run. */
const outDir = process.env.BENCH_OUTDIR || 'dist-bench';

async function engineBench() {
  const file = await buildForNode('bench/engine.ts', 'engine');
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
}

async function clusterBench() {
  const file = await buildForNode('bench/cluster.ts', 'cluster');
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
}

async function workerMemoryBench() {
  const file = await buildForNode('bench/memory.ts', 'memory');
  execFileSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit' });
}

async function skipBench() {
  const file = await buildForNode('bench/skip.ts', 'skip');
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
}

async function timelineBench() {
  const file = await buildForNode('bench/seek.ts', 'seek');
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
}

/** Builds the app once, serves it, and runs the browser benches on one Chromium. */
async function browserBenches() {
  if (!existsSync(executablePath)) {
    console.error(`browser benches skipped: no Chromium at ${executablePath} (run "npm test" once, or set CHROMIUM_PATH)`);
    return;
  }
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
  initialJsBench();
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
    const browser = await chromium.launch({
      executablePath,
      args: [...chromiumArgs, '--enable-precise-memory-info'],
    });
    try {
      if (want('render')) await renderBench(browser);
      if (want('firstFrame')) await firstFrameBench(browser);
      if (want('longTask')) await longTaskBench(browser);
      if (want('memory')) await memoryBench(browser);
    } finally {
      await browser.close();
    }
  } finally {
    process.kill(-server.pid);
  }
}

async function renderBench(browser) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  for (const [nodes, messages] of [[200, 2000], [1000, 10000], [5000, 50000]]) {
    await page.goto(`http://127.0.0.1:${port}/?bench=render&nodes=${nodes}&messages=${messages}&frames=300`);
    const r = await page.waitForFunction(() => window.__bench, null, { timeout: 120_000 }).then((h) => h.jsonValue());
    const size = { nodes, messages, frames: r.frames };
    for (const key of ['drawP50Ms', 'drawP95Ms', 'frameP50Ms', 'frameP95Ms', 'frameRawP95Ms', 'staticP50Ms']) {
      const name = `render.${key.replace(/Ms$/, '')}`;
      console.log(`BENCH ${JSON.stringify({ name, value: Number(r[key].toFixed(2)), unit: 'ms', ...size })}`);
    }
    console.log(`BENCH ${JSON.stringify({ name: 'render.missedFrames', value: r.missedFrames, unit: 'frames', ...size })}`);
  }
  await page.close();
}

/** The heaviest preset at its own size: most nodes and events per simulated second (60 clients, servers added as it runs). */
const HEAVY_PRESET = 'scaleout';
const FIRST_FRAME = 'distlab:first-frame';

/** JavaScript the page loads before it can start: index.html's module script and its modulepreloads (not lazy chunks, not the worker). */
function initialJsBench() {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0);
  console.log(`BENCH ${JSON.stringify({ name: 'start.initialJsGzip', value: Number((bytes / 1024).toFixed(1)), unit: 'KB', files: files.length })}`);
}

/** Navigation start to the first drawn graph frame, opening a `?s=` link of the default scenario in a fresh context (median of 5). */
async function firstFrameBench(browser) {
  const sender = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await sender.goto(`http://127.0.0.1:${port}/?lang=en&speed=20`);
  await sender.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_FRAME);
  await sender.waitForTimeout(1500);
  await sender.getByTestId('share').click();
  await sender.waitForFunction(() => /\?s=/.test(window.document.querySelector('[data-testid="share-url"]')?.value ?? ''));
  const url = await sender.getByTestId('share-url').inputValue();
  await sender.close();
  const times = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    times.push(await markTime(page, FIRST_FRAME));
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`BENCH ${JSON.stringify({ name: 'start.firstFrameMs', value: Math.round(times[2]), unit: 'ms', runs: times.length, maxMs: Math.round(times[4]) })}`);
}

/**
 * When the page set a performance mark, read once it is there. It first waits
 * 1.5 s without touching the page: Playwright's polling (waitForFunction)
 * runs a script in the page that took 50-140 ms of its main thread while it
 * was starting, which a person's browser does not pay.
 */
async function markTime(page, mark) {
  await page.waitForTimeout(1500);
  for (let waited = 1500; ; waited += 250) {
    const t = await page.evaluate((m) => performance.getEntriesByName(m)[0]?.startTime ?? null, mark);
    if (t !== null) return t;
    if (waited > 30_000) throw new Error(`no ${mark} mark after 30 s`);
    await page.waitForTimeout(250);
  }
}

/** Opens a preset at 100x and waits for its first frame. */
async function openAt100(browser, preset) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?lang=en&preset=${preset}&speed=100`);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_FRAME, { timeout: 30_000 });
  return page;
}

function simSeconds(page) {
  return page.evaluate(() => window.__distlab.store.getState().view.nowUs / 1e6);
}

/**
 * Long tasks (Long Tasks API) while the heaviest preset plays at 100x, in two
 * windows: the page's first seconds after its first frame (the panels mount a
 * group per frame, the scenario adds its servers) and then 20 s of play.
 */
async function longTaskBench(browser) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${port}/?lang=en&preset=${HEAVY_PRESET}&speed=100`);
  const first = await markTime(page, FIRST_FRAME);
  const startS = 5;
  const wallS = 20;
  const untilMs = first + (startS + wallS) * 1000;
  while ((await page.evaluate(() => performance.now())) < untilMs) await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => window.__longTasks);
  const simulatedSeconds = Math.round(await simSeconds(page));
  const report = (prefix, from, to, size) => {
    const d = tasks.filter(([t]) => t >= from && t < to).map(([, ms]) => ms);
    console.log(`BENCH ${JSON.stringify({ name: `${prefix}.longTaskMaxMs`, value: Math.round(Math.max(0, ...d)), unit: 'ms', ...size })}`);
    console.log(`BENCH ${JSON.stringify({ name: `${prefix}.longTasksOver50ms`, value: d.filter((ms) => ms > 50).length, unit: 'tasks', ...size })}`);
  };
  report('start', first, first + startS * 1000, { preset: HEAVY_PRESET, speed: 100, wallSeconds: startS, from: 'first frame' });
  report('main', first + startS * 1000, untilMs, { preset: HEAVY_PRESET, speed: 100, wallSeconds: wallS, from: `${startS} s after the first frame`, simulatedSeconds });
  await page.close();
}

/**
 * The page's heap after a forced collection: after five simulated minutes
 * (the log and the charts full), at 30 (18 s at 100x) and at 60. On thin
 * clients (27 machines), which the worker keeps at 100x even on a busy
 * machine; scaleout falls behind there, and bench/memory.ts follows the
 * worker's own heap on it for an hour.
 */
async function memoryBench(browser) {
  const preset = 'thin';
  const page = await openAt100(browser, preset);
  const cdp = await page.context().newCDPSession(page);
  const heapMB = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return Number(((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20).toFixed(1));
  };
  // the start once the log and the charts have filled (five simulated minutes): what grows after that is a leak
  while ((await simSeconds(page)) < 300) await page.waitForTimeout(200);
  const start = await heapMB();
  const t0 = Date.now();
  console.log(`BENCH ${JSON.stringify({ name: 'memory.heapStartMB', value: start, unit: 'MB', preset, speed: 100, simulatedSeconds: Math.round(await simSeconds(page)) })}`);
  // 30 simulated minutes, then a longer run to an hour: the end figure of each
  for (const targetS of [30 * 60, 60 * 60]) {
    while ((await simSeconds(page)) < targetS && Date.now() - t0 < 90_000) await page.waitForTimeout(500);
    const end = await heapMB();
    const size = { preset, speed: 100, simulatedSeconds: Math.round(await simSeconds(page)), wallSeconds: Math.round((Date.now() - t0) / 1000) };
    console.log(`BENCH ${JSON.stringify({ name: 'memory.heapEndMB', value: end, unit: 'MB', ...size })}`);
  }
  await page.close();
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

if (want('engine')) await engineBench();
if (want('cluster')) await clusterBench();
if (want('skip')) await skipBench();
if (want('timeline')) await timelineBench();
if (want('workerMemory')) await workerMemoryBench();
await browserBenches();
