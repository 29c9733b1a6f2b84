// Bundles a TypeScript entry for Node (benchmarks, tools) with Vite's SSR build.
import { build } from 'vite';

/** Builds `entry` to `.bench/<name>.mjs` and returns that path. */
export async function buildForNode(entry, name) {
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: entry,
      outDir: '.bench',
      emptyOutDir: false,
      rollupOptions: { output: { entryFileNames: `${name}.mjs` } },
    },
  });
  return `.bench/${name}.mjs`;
}
