import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { EARLY_SHARE } from './src/protocol/earlyShare';
import { SHARE_PARAM } from './src/share/link';

/**
 * Starts the simulation worker from a small script in index.html's head, so
 * its download and start-up happen while the page's own script loads; the
 * page adopts it (src/store/workerClient.ts). The worker is named after the
 * page's address: on a shared link (`?s=`) it builds the run at once, before
 * the page asks (src/worker/worker.ts), and tells the page what the link
 * says, which this script keeps until the page's own script runs. Build
 * only: in dev the page does both itself.
 */
function earlyWorker(): Plugin {
  let base = '/';
  return {
    name: 'distlab-early-worker',
    apply: 'build',
    configResolved(c) {
      base = c.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const file = Object.keys(ctx.bundle ?? {}).find((f) => /(^|\/)worker-[\w-]+\.js$/.test(f));
        if (!file) return html;
        // a shared link: the worker posts what the link says before it builds the run; kept here until the page's script runs
        const keep = `w.addEventListener('message', function f(e) { if (e.data && e.data.${EARLY_SHARE}) { window.__distlabShare = e.data.${EARLY_SHARE}; w.removeEventListener('message', f); } });`;
        const script = `if (!/[?&]bench=render/.test(location.search)) { const w = window.__distlabWorker = new Worker(${JSON.stringify(base + file)}, { type: 'module', name: location.search }); if (/[?&]${SHARE_PARAM}=/.test(location.search)) ${keep} }`;
        return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <script>${script}</script>`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), earlyWorker()],
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
