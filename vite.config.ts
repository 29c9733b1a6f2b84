import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Starts the simulation worker from a small script in index.html's head, so
 * its download and start-up happen while the page's own script loads; the
 * page adopts it (src/store/workerClient.ts). On a shared link (`?s=`) the
 * same script asks for the share codec's chunks at once, as they are needed
 * before the run can load. Build only: in dev the page does both itself.
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
        const bundle = ctx.bundle ?? {};
        const file = Object.keys(bundle).find((f) => /(^|\/)worker-[\w-]+\.js$/.test(f));
        if (!file) return html;
        // the codec's chunk and the chunks it imports (zod, the scenario schema) that the page's own script does not
        const chunks = (from: string | undefined, into: Set<string>): Set<string> => {
          const c = from ? bundle[from] : undefined;
          if (c?.type === 'chunk' && !into.has(from!)) {
            into.add(from!);
            c.imports.forEach((i) => chunks(i, into));
          }
          return into;
        };
        const eager = chunks(Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry)?.fileName, new Set());
        const codec = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/share/codec.ts'));
        const preload = [...chunks(codec?.fileName, new Set())].filter((f) => !eager.has(f)).map((f) => base + f);
        const links = `for (const href of ${JSON.stringify(preload)}) document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));`;
        const script = `if (!/[?&]bench=render/.test(location.search)) window.__distlabWorker = new Worker(${JSON.stringify(base + file)}, { type: 'module' }); if (/[?&]s=/.test(location.search)) ${links}`;
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
