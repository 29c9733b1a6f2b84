import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Starts the simulation worker from a small script in index.html's head, so
 * its download and start-up happen while the page's own script loads; the
 * page adopts it (src/store/workerClient.ts). Build only: in dev the page
 * creates the worker itself.
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
        const script = `if (!/[?&]bench=render/.test(location.search)) window.__distlabWorker = new Worker(${JSON.stringify(base + file)}, { type: 'module' });`;
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
