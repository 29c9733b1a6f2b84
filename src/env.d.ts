/// <reference types="vite/client" />

interface Window {
  /** Test and debugging hooks: read-only handles on the store and the renderer. */
  __distlab?: Record<string, unknown>;
  /** Results of the render bench mode (`?bench=render`). */
  __bench?: unknown;
}
