import * as Comlink from 'comlink';
import type { WireFrame, WorkerApi } from '../protocol';

/** The page's handle on the simulation worker. */
export interface WorkerClient {
  api: Comlink.Remote<WorkerApi>;
  terminate(): void;
}

function createWorker(): Worker {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
}

/** A worker created before the page's script has run, for `startWorker` to adopt. */
let early: Worker | null = null;

/** Creates the simulation worker now, so it loads and starts while the page is still starting (see app/prestart.ts); a built page's head has already made one (vite.config.ts). */
export function prestartWorker(): void {
  early ??= window.__distlabWorker ?? createWorker();
  window.__distlabWorker = undefined;
}

/** Starts the worker (or adopts the prestarted one) and streams its frames to `onFrame`; `onCrash` hears if the worker dies. */
export function startWorker(onFrame: (f: WireFrame) => void, onCrash: (message: string) => void): WorkerClient {
  const worker = early ?? createWorker();
  early = null;
  worker.addEventListener('error', (e) => onCrash(e.message || 'worker error'));
  const api = Comlink.wrap<WorkerApi>(worker);
  // the answer to each frame waits for the next animation frame: the worker holds back paced frames until the page has drawn
  const drawn = (f: WireFrame) => {
    onFrame(f);
    return new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  };
  void api.subscribe(Comlink.proxy(drawn));
  return { api, terminate: () => worker.terminate() };
}
