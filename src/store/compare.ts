/**
 * Side-by-side comparison: a second run of the same scenario and seed, with
 * one setting changed from its start, in a second worker. It plays, pauses
 * and changes speed with the first, so both advance on one clock, and both
 * runs' figures are sampled for the overlaid charts.
 */
import { create } from 'zustand';
import type { WireFrame, WorldView } from '../protocol';
import type { Variant } from '../scenario/variants';
import { loadScenario, SAMPLE_US, useLab } from './labStore';
import { startWorker, type WorkerClient } from './workerClient';

/** One sample of both runs' figures. */
export interface ComparePoint {
  tUs: number;
  stats: WorldView['stats'];
}

interface CompareState {
  variant: Variant | null;
  /** The second run's clock and figures. */
  bNowUs: number;
  bStats: WorldView['stats'] | null;
  a: ComparePoint[];
  b: ComparePoint[];
}

const MAX_POINTS = 240;

export const useCompare = create<CompareState>(() => ({ variant: null, bNowUs: 0, bStats: null, a: [], b: [] }));

let second: WorkerClient | null = null;
let unsubscribe: (() => void) | null = null;

function push(list: ComparePoint[], tUs: number, stats: WorldView['stats']): ComparePoint[] {
  const last = list[list.length - 1];
  if (last && tUs < last.tUs + SAMPLE_US && tUs >= last.tUs) return list;
  return [...list.slice(-(MAX_POINTS - 1)), { tUs, stats: { ...stats } }];
}

function onSecondFrame(f: WireFrame): void {
  const s = useCompare.getState();
  useCompare.setState({ bNowUs: f.view.nowUs, bStats: f.view.stats, b: push(s.b, f.view.nowUs, f.view.stats) });
}

/** Starts run B: the current scenario and seed, the variant's commands at its first event. */
export function startCompare(variant: Variant): void {
  stopCompare();
  // run A starts again from time zero, as it is, so that both runs begin together
  loadScenario(useLab.getState().scenario);
  const lab = useLab.getState();
  const client = startWorker(onSecondFrame, () => stopCompare());
  second = client;
  useCompare.setState({ variant, bNowUs: 0, bStats: null, a: [], b: [] });
  void (async () => {
    await client.api.load(1, lab.scenario, [], false, lab.speed);
    for (const [i, cmd] of variant.cmds.entries()) await client.api.command(i + 1, cmd);
    if (useLab.getState().playing) void client.api.play();
  })();
  unsubscribe = useLab.subscribe((s, prev) => {
    if (s.runId !== prev.runId) return stopCompare();
    if (s.playing !== prev.playing) void (s.playing ? second?.api.play() : second?.api.pause());
    if (s.speed !== prev.speed) void second?.api.setSpeed(s.speed);
    // a skip ahead of run A takes run B to the same moment
    if (s.skip && s.skip.toUs !== prev.skip?.toUs) void second?.api.skipAhead(1, s.skip.toUs - useCompare.getState().bNowUs);
    if (s.panelView && s.panelView !== prev.panelView) useCompare.setState((c) => ({ a: push(c.a, s.panelView!.nowUs, s.panelView!.stats) }));
  });
}

export function stopCompare(): void {
  unsubscribe?.();
  unsubscribe = null;
  second?.terminate();
  second = null;
  useCompare.setState({ variant: null, bNowUs: 0, bStats: null, a: [], b: [] });
}
