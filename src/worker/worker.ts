/// <reference lib="webworker" />
/** The worker entry: exposes a SimHost over comlink and streams frames with their buffers transferred (events packed into one). */
import * as Comlink from 'comlink';
import type { WireFrame, WorkerApi } from '../protocol';
import { packEvents } from '../protocol/events';
import { buildWorld, type Scenario } from '../scenario/scenario';
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

const api: WorkerApi = {
  // the world is built here, so the page carries none of the models' code
  load: (runId, scenario, ...rest) => host.load(runId, buildWorld(scenario as Scenario), scenario.seed, ...rest),
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
