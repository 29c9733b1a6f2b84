/// <reference lib="webworker" />
/** The worker entry: exposes a SimHost over comlink and streams frames with their buffers transferred (events packed into one). */
import * as Comlink from 'comlink';
import { EARLY_SHARE, type WireFrame, type WorkerApi } from '../protocol';
import { packEvents } from '../protocol/events';
import { buildWorld, type Scenario } from '../scenario/scenario';
import { decodeShare } from '../share/codec';
import { SHARE_PARAM } from '../share/link';
import { SimHost } from './host';

let listener: ((frame: WireFrame) => unknown) | null = null;
/** Frames posted that the page has not yet drawn (its callback resolves after its next animation frame). */
let unanswered = 0;
const MAX_UNANSWERED = 2;

const host = new SimHost(
  { nowMs: () => performance.now(), schedule: (fn, ms) => void setTimeout(fn, ms) },
  (frame) => {
    if (!listener) return;
    const v = frame.view;
    const wire: WireFrame = { ...frame, events: packEvents(frame.events) };
    unanswered++;
    void Promise.resolve(listener(Comlink.transfer(wire, [v.nodes.buffer, v.links.buffer, v.messages.buffer, frame.hops.buffer, wire.events.data.buffer] as ArrayBuffer[]))).finally(() => unanswered--);
  },
  () => unanswered < MAX_UNANSWERED,
);

/** What identifies a run the page may ask for: the same scenario, log and cursor make the same run. */
function runKey(scenario: unknown, log: unknown, cursor: unknown): string {
  return JSON.stringify([scenario, log, cursor ?? null]);
}

/**
 * A shared link's run, built from the page's address (the worker's name, see
 * vite.config.ts) while the page's own script is still loading; the page's
 * load of the same run then only starts it. Null once any load has come.
 */
let early: string | null = null;

/**
 * Reads the shared link in the worker's name, tells the page what it says
 * (a plain message the page's head script keeps, so the page needs neither
 * the codec nor the time to decode it), then builds its run.
 */
function prepareShared(search: string): void {
  const link = new URLSearchParams(search).get(SHARE_PARAM);
  if (link === null) return;
  const r = decodeShare(link);
  self.postMessage({ [EARLY_SHARE]: r });
  // a refused link is the page's to explain; it loads something else
  if (!r.ok) return;
  const { scenario, log, cursorEvent, cursorUs } = r.doc;
  const cursor = { event: cursorEvent, us: cursorUs };
  host.prepare(buildWorld(scenario), scenario.seed, log, cursor);
  early = runKey(scenario, log, cursor);
}

const api: WorkerApi = {
  // the world is built here, so the page carries none of the models' code
  load: (runId, scenario, log, playing, speed, cursor) => {
    const prepared = early !== null && early === runKey(scenario, log, cursor);
    early = null;
    if (prepared) host.begin(runId, playing, speed);
    else host.load(runId, buildWorld(scenario as Scenario), scenario.seed, log, playing, speed, cursor);
  },
  play: () => host.play(),
  pause: () => host.pause(),
  step: () => host.step(),
  seek: (runId, target) => host.seek(runId, target),
  stepBack: (runId) => host.stepBack(runId),
  undo: (runId) => host.undo(runId),
  setSpeed: (s) => host.setSpeed(s),
  skipAhead: (runId, byUs) => host.skipAhead(runId, byUs),
  cancelSkip: () => host.cancelSkip(),
  command: (id, cmd) => host.command(id, cmd),
  describeMessage: (runId, id) => host.describeMessage(runId, id),
  subscribe: (cb) => {
    listener = cb;
  },
};

Comlink.expose(api);
// after expose: the page's messages wait in the queue meanwhile
if (typeof self.name === 'string' && self.name.length > 0) prepareShared(self.name);
