// `npm run bench`: prints one `BENCH {json}` line per figure.
// 1. engine throughput in Node; 2. the real renderer in Chromium, fed by the app's bench mode.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { buildForNode } from './build-node.mjs';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const port = Number(process.env.BENCH_PORT || 4399);

async function engineBench() {
  const file = await buildForNode('bench/engine.ts', 'engine');
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
}

async function clusterBench() {
  const file = await buildForNode('bench/cluster.ts', 'cluster');
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
}

async function timelineBench() {
  const file = await buildForNode('bench/seek.ts', 'seek');
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
}

async function renderBench() {
  if (!existsSync(executablePath)) {
    console.error(`render bench skipped: no Chromium at ${executablePath} (run "npm test" once, or set CHROMIUM_PATH)`);
    return;
  }
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (const [nodes, messages] of [[200, 2000], [1000, 10000], [5000, 50000]]) {
      await page.goto(`http://127.0.0.1:${port}/?bench=render&nodes=${nodes}&messages=${messages}&frames=300`);
      const r = await page.waitForFunction(() => window.__bench, null, { timeout: 120_000 }).then((h) => h.jsonValue());
      const size = { nodes, messages, frames: r.frames };
      for (const key of ['drawP50Ms', 'drawP95Ms', 'frameP50Ms', 'frameP95Ms']) {
        const name = `render.${key.replace(/Ms$/, '')}`;
        console.log(`BENCH ${JSON.stringify({ name, value: Number(r[key].toFixed(2)), unit: 'ms', ...size })}`);
      }
      console.log(`BENCH ${JSON.stringify({ name: 'render.missedFrames', value: r.missedFrames, unit: 'frames', ...size })}`);
    }
    await browser.close();
  } finally {
    process.kill(-server.pid);
  }
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

await engineBench();
await clusterBench();
await timelineBench();
await renderBench();
