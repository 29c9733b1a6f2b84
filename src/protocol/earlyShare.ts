/**
 * The key of the one plain message a worker posts outside comlink: what the
 * shared link in its name says (a ShareResult), sent before it builds the
 * run. index.html's head script keeps it for the page (vite.config.ts, which
 * imports this file, so it must stay free of imports).
 */
export const EARLY_SHARE = 'distlabShare';
