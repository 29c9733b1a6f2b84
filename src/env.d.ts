/// <reference types="vite/client" />

interface Window {
  /** Test and debugging hooks: read-only handles on the store and the renderer. */
  __distlab?: Record<string, unknown>;
  /** Results of the render bench mode (`?bench=render`). */
  __bench?: unknown;
  /** The simulation worker started by index.html's head in a built page, before the page's script (vite.config.ts). */
  __distlabWorker?: Worker;
  /** What that worker read from a shared link in the address, if it said so before the page's script ran (a ShareResult). */
  __distlabShare?: unknown;
}
