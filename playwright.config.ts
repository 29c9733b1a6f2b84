import { defineConfig } from '@playwright/test';
import { chromiumArgs, executablePath } from './scripts/chromium.mjs';

const port = Number(process.env.E2E_PORT || 4317);
/** A separate build folder lets several people run the browser tests at once on one machine. */
const outDir = process.env.E2E_OUTDIR || 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath,
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `npx vite build --logLevel error --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
