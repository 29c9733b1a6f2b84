import * as Comlink from 'comlink';
import type { Frame, WorkerApi } from '../protocol';

/** The page's handle on the simulation worker. */
export interface WorkerClient {
  api: Comlink.Remote<WorkerApi>;
  terminate(): void;
}

/** Starts the worker and streams its frames to `onFrame`; `onCrash` hears if the worker dies. */
export function startWorker(onFrame: (f: Frame) => void, onCrash: (message: string) => void): WorkerClient {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('error', (e) => onCrash(e.message || 'worker error'));
  const api = Comlink.wrap<WorkerApi>(worker);
  // the answer to each frame waits for the next animation frame: the worker holds back paced frames until the page has drawn
  const drawn = (f: Frame) => {
    onFrame(f);
    return new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  };
  void api.subscribe(Comlink.proxy(drawn));
  return { api, terminate: () => worker.terminate() };
}
