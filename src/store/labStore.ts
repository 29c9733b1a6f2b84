import { create } from 'zustand';
import type { Lang, MessageKey } from '../i18n';
import type { CommandError, EngineCommand, LoggedCommand, TimelineInfo, StatName, TopologyView, TraceEvent, WireFrame, WorldView } from '../protocol';
import { unpackEvents } from '../protocol/events';
import { PendingEvents } from './pendingEvents';
import { DEFAULT_SCENARIO, type Scenario } from '../scenario/scenario';
import type { WorkerClient } from './workerClient';

/** What is selected on the graph (or in the machine list). */
export type Selection = { kind: 'node' | 'link'; id: string } | { kind: 'message'; id: string } | null;

/** A message for the person, by catalogue key. */
export interface Notice {
  id: number;
  key: MessageKey;
  params: Record<string, string | number>;
}

/** One point of the charts, taken from the figures every SAMPLE_US of simulated time. */
export interface Sample {
  tUs: number;
  serverUtil: number;
  appUtil: number;
  dbUtil: number;
  clientUtil: number;
  bytesPerTx: number;
  messagesPerTx: number;
  p50Us: number;
  p95Us: number;
  throughput: number;
}

export const SAMPLE_US = 500_000;
export const HISTORY = 240;

/** Newest events kept for the log and the inspector. */
export const EVENT_BUFFER = 10_000;
/** Panels follow the simulation at this rate while playing; the graph follows every frame. */
const PANEL_INTERVAL_MS = 100;

export interface LabState {
  lang: Lang;
  scenario: Scenario;
  runId: number;
  topology: TopologyView | null;
  /** The newest frame's state: read by the renderer on every frame. */
  view: WorldView | null;
  /** The same, refreshed at most every PANEL_INTERVAL_MS while playing: read by the panels. */
  panelView: WorldView | null;
  /** How many groups of panels the page has mounted since its graph was first drawn (0 to MOUNT_STAGES; it only grows). */
  mountStage: number;
  /** Hops finished during the newest frame (see Frame.hops): the renderer's afterglow. */
  arrivals: Float64Array;
  playing: boolean;
  speed: number;
  lagUs: number;
  events: TraceEvent[];
  skippedEvents: number;
  commandLog: LoggedCommand[];
  selection: Selection;
  /** An event chosen in the log, highlighted on the graph. */
  highlight: TraceEvent | null;
  notices: Notice[];
  /** Recent figures over simulated time, for the charts (at most HISTORY samples). */
  history: Sample[];
  /** What the chosen message carried (from the worker), when a message is selected. */
  messageDetails: Record<string, string | number> | null;
  /** How far this branch has been run, and what undo can bring back (see Timeline). */
  timeline: TimelineInfo | null;
  /** Wall ms the last seek took in the worker, shown on the timeline. */
  lastSeekMs: number | null;
  /** A skip ahead in progress: its simulated span and the page's clock when it began. */
  skip: { fromUs: number; toUs: number; sinceMs: number } | null;
}

const initial: LabState = {
  lang: 'es',
  scenario: DEFAULT_SCENARIO,
  runId: 0,
  topology: null,
  view: null,
  panelView: null,
  mountStage: 0,
  arrivals: new Float64Array(0),
  playing: true,
  // a quarter of real time: slow enough to follow each message across the WAN
  speed: 0.25,
  lagUs: 0,
  events: [],
  skippedEvents: 0,
  commandLog: [],
  selection: null,
  highlight: null,
  notices: [],
  history: [],
  messageDetails: null,
  timeline: null,
  lastSeekMs: null,
  skip: null,
};

/** The app's one store; actions live in `actions.ts` so this file stays the state's shape. */
export const useLab = create<LabState>()(() => initial);

let client: WorkerClient | null = null;
let lastPanelMs = 0;
/** Events that join the store with the next panel refresh. */
const pending = new PendingEvents(EVENT_BUFFER);
let noticeId = 0;

export function attachWorker(c: WorkerClient | null): void {
  client = c;
}

export function worker(): WorkerClient | null {
  return client;
}

/** Folds one frame from the worker into the store; frames of an older run are dropped. */
export function receiveFrame(f: WireFrame, nowMs: number): void {
  const s = useLab.getState();
  if (f.runId !== s.runId) return;
  const patch: Partial<LabState> = { view: f.view, playing: f.playing, speed: f.speed, lagUs: f.lagUs };
  patch.skip = f.skip ? (s.skip?.toUs === f.skip.toUs ? s.skip : { ...f.skip, sinceMs: nowMs }) : null;
  // a skip ahead shows where it has got to, not the glow of thousands of hops
  if (f.hops.length > 0 && !f.skip) patch.arrivals = f.hops;
  if (f.topology) patch.topology = f.topology;
  if (f.commandLog) patch.commandLog = f.commandLog;
  if (f.timeline) patch.timeline = f.timeline;
  if (f.reset) {
    // a seek: the log starts over from the run's memory, the charts forget the future
    pending.clear();
    patch.events = unpackEvents(f.events);
    patch.skippedEvents = 0;
    patch.arrivals = f.hops;
  } else pending.add(f.events, f.skippedEvents);
  const history = f.reset ? s.history.filter((h) => h.tUs <= f.view.nowUs) : s.history;
  const last = history[history.length - 1];
  if (!last || f.view.nowUs >= last.tUs + SAMPLE_US || f.view.nowUs < last.tUs) patch.history = [...history.slice(-(HISTORY - 1)), sample(f.view)];
  else if (f.reset) patch.history = history;
  // a run's first frame: the graph is drawn first, the panels just after (see panelsAfterPaint)
  const first = s.view === null && typeof requestAnimationFrame === 'function';
  if (!first && (!f.playing || nowMs - lastPanelMs >= PANEL_INTERVAL_MS || f.topology || f.commandLog || f.reset)) {
    lastPanelMs = nowMs;
    if (f.playing && !f.reset && !f.topology && !f.commandLog) refreshLater(f.runId);
    else {
      patch.panelView = f.view;
      // the log follows with the panels
      if (!pending.empty) Object.assign(patch, pending.take(s.events, s.skippedEvents));
    }
  }
  useLab.setState(patch);
  if (first) panelsAfterPaint(f.runId);
}

/**
 * While playing, the panels and then the log refresh in tasks of their own
 * after the frame's, so that no one task draws the graph's frame, every
 * panel and the log (each brings the newest state when it runs).
 */
function refreshLater(runId: number): void {
  setTimeout(() => {
    const s = useLab.getState();
    if (s.runId !== runId || !s.view) return;
    if (s.panelView !== s.view) useLab.setState({ panelView: s.view });
    setTimeout(() => {
      const s2 = useLab.getState();
      if (s2.runId === runId && !pending.empty) useLab.setState(pending.take(s2.events, s2.skippedEvents));
    }, 0);
  }, 0);
}

/** Shows the panels once the frame that draws the run's first picture has been painted, so the picture does not wait for them. */
function panelsAfterPaint(runId: number): void {
  afterNextFrame(() => {
    // the groups of panels follow, whether or not a later frame has shown the panels already
    if (!staging && useLab.getState().mountStage < MOUNT_STAGES) {
      staging = true;
      afterNextFrame(nextMountStage);
    }
    const s = useLab.getState();
    if (s.runId !== runId || s.panelView !== null || !s.view) return;
    lastPanelMs = performance.now();
    useLab.setState({ panelView: s.view, ...(pending.empty ? {} : pending.take(s.events, s.skippedEvents)) });
  });
}

/** Groups of panels the page mounts one at a time after its first picture (App decides which group is which). */
export const MOUNT_STAGES = 7;
let staging = false;

/**
 * One more group of panels, then the next a frame later: no one task
 * renders, lays out and paints every panel at once (together that was a
 * long task of a few hundred ms on a busy machine).
 */
function nextMountStage(): void {
  const stage = useLab.getState().mountStage + 1;
  useLab.setState({ mountStage: stage });
  staging = stage < MOUNT_STAGES;
  if (staging) afterNextFrame(nextMountStage);
}

/** Runs `fn` in a task of its own once the next frame has been painted. */
function afterNextFrame(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

function sample(v: WorldView): Sample {
  const st = v.stats;
  const n = (k: StatName) => st[k] ?? 0;
  return {
    tUs: v.nowUs,
    serverUtil: n('serverUtil'),
    appUtil: n('appUtil'),
    dbUtil: n('dbUtil'),
    clientUtil: n('clientUtilMean'),
    bytesPerTx: n('bytesPerTx'),
    messagesPerTx: n('messagesPerTx'),
    p50Us: n('latencyP50Us'),
    p95Us: n('latencyP95Us'),
    throughput: n('throughputPerS'),
  };
}

/** Shows a message to the person (a refused command, a bad address, a crash). */
export function notify(key: MessageKey, params: Record<string, string | number> = {}): void {
  const notices = useLab.getState().notices.concat({ id: ++noticeId, key, params }).slice(-4);
  useLab.setState({ notices });
}

export function notifyCommandError(e: CommandError): void {
  notify(`error.${e.code}`, e.params);
}

/**
 * Starts (or restarts) a run of a scenario, with an optional command log to
 * replay; with a cursor (a shared run) the worker replays up to it and stops there.
 */
export function loadScenario(scenario: Scenario, log: LoggedCommand[] = [], cursor?: { event: number; us: number }): void {
  const s = useLab.getState();
  const runId = s.runId + 1;
  pending.clear();
  useLab.setState({ scenario, runId, topology: null, view: null, panelView: null, events: [], skippedEvents: 0, commandLog: log, selection: null, highlight: null, history: [], messageDetails: null, timeline: null, lastSeekMs: null, skip: null });
  void client?.api.load(runId, scenario, log, s.playing, s.speed, cursor);
}

export type { EngineCommand };
