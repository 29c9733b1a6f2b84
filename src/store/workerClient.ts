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
  void api.subscribe(Comlink.proxy(onFrame));
  return { api, terminate: () => worker.terminate() };
}
