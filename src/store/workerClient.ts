import * as Comlink from 'comlink';
import { EARLY_SHARE, type WireFrame, type WorkerApi } from '../protocol';
import type { ShareResult } from '../share/document';
import { SHARE_PARAM } from '../share/link';

/** The page's handle on the simulation worker. */
export interface WorkerClient {
  api: Comlink.Remote<WorkerApi>;
  terminate(): void;
}

function createWorker(): Worker {
  // named after the address: a shared link's run is built as soon as the worker starts (worker.ts)
  return new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: location.search });
}

/** A worker created before the page's script has run, for `startWorker` to adopt. */
let early: Worker | null = null;

/** What the worker reads from a shared link in the address; null without one. */
let sharedLink: Promise<ShareResult | null> | null = null;

/** Creates the simulation worker now, so it loads and starts while the page is still starting (see app/prestart.ts); a built page's head has already made one (vite.config.ts). */
export function prestartWorker(): void {
  const created = window.__distlabWorker ?? createWorker();
  early ??= created;
  window.__distlabWorker = undefined;
  const kept = window.__distlabShare as ShareResult | undefined;
  window.__distlabShare = undefined;
  if (new URLSearchParams(location.search).has(SHARE_PARAM)) sharedLink = kept ? Promise.resolve(kept) : listenForShare(created);
}

/**
 * What the shared link in the address says, as the worker read it (it reads
 * it first thing, to build the run before the page asks): the page then
 * needs no codec to open a link. Null when there is no link or the worker
 * failed to start (then the page reads the link itself).
 */
export function sharedLinkFromWorker(): Promise<ShareResult | null> {
  return sharedLink ?? Promise.resolve(null);
}

function listenForShare(w: Worker): Promise<ShareResult | null> {
  return new Promise((resolve) => {
    const done = (r: ShareResult | null) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(r);
    };
    const onMessage = (e: MessageEvent) => {
      if (e.data && typeof e.data === 'object' && EARLY_SHARE in e.data) done(e.data[EARLY_SHARE] as ShareResult);
    };
    const onError = () => done(null);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
  });
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
