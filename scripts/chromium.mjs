// The system Chromium and the switches every test, bench and screenshot launches it with (one list, so they measure the same browser).

/** Debian's package here; CHROMIUM_PATH points elsewhere on other machines. */
export const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Chromium keeps only the last --disable-features switch, and Playwright passes
 * its own first: this one repeats Playwright's list (1.5x, chromiumSwitches.ts)
 * and adds Chromium's hidden top-chrome WebUI (the omnibox popup), which it
 * preloads for every new window. On this 2-core machine that preload took about
 * 40 % of the CPU while a page started: a shared link's first frame went from
 * 0.98 s to 0.59 s (median of 12, interleaved) without it.
 */
const disabledFeatures = [
  // Playwright's
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // the browser's own hidden pages
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'PreloadTopChromeWebUI',
];

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  `--disable-features=${disabledFeatures.join(',')}`,
];
