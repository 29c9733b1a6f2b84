import type { MessageKey } from '../i18n';
import type { ShareDoc, ShareProblem } from '../share/document';
import { SHARE_PARAM, SHARE_VERSION, shareFileText } from '../share/link';
import { DEFAULT_SCENARIO } from '../scenario/scenario';
import { loadScenario, notify, useLab } from './labStore';

type Codec = typeof import('../share/codec');
let codec: Codec | null = null;

/** The link codec and the document's validation (fflate, zod), loaded on first use. */
export async function loadCodec(): Promise<Codec> {
  codec ??= await import('../share/codec');
  return codec;
}

/** The lesson and step the page is on, set by the lessons when they land (kept in shared runs). */
let lessonPlace: { lesson: string; step: number } | null = null;

export function setLessonPlace(place: { lesson: string; step: number } | null): void {
  lessonPlace = place;
}

/** What the person sees now, as a share document (null before the first frame). */
export function currentShareDoc(): ShareDoc | null {
  const s = useLab.getState();
  if (!s.view) return null;
  const doc: ShareDoc = {
    version: SHARE_VERSION,
    scenario: s.scenario,
    log: s.commandLog,
    cursorEvent: s.view.eventsProcessed,
    cursorUs: s.view.nowUs,
    lang: s.lang,
    hash: s.view.traceHash,
  };
  if (lessonPlace) {
    doc.lesson = lessonPlace.lesson;
    doc.step = lessonPlace.step;
  }
  return doc;
}

/** A link that reopens the current run at the current point (embed mode kept if asked). */
export async function makeShareLink(base: string, embed = false): Promise<string | null> {
  await loadCodec();
  return shareLink(base, embed);
}

/** The same, at once: null before the first frame or while the codec is not loaded yet (see `loadCodec`). */
export function shareLink(base: string, embed = false): string | null {
  const doc = currentShareDoc();
  if (!doc || !codec) return null;
  const { encodeShare } = codec;
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set(SHARE_PARAM, encodeShare(doc));
  if (embed) url.searchParams.set('embed', '1');
  return url.toString();
}

/** The current run as a JSON file's name and text. */
export function shareFile(): { name: string; text: string } | null {
  const doc = currentShareDoc();
  if (!doc) return null;
  return { name: `distlab-${doc.scenario.preset}-${doc.scenario.seed}.json`, text: shareFileText(doc) };
}

/** Opens a validated shared run: its scenario, language and log, paused at its cursor. */
export function openShared(doc: ShareDoc): void {
  useLab.setState({ lang: doc.lang, playing: false });
  if (typeof document !== 'undefined') document.documentElement.lang = doc.lang;
  loadScenario(doc.scenario, doc.log, { event: doc.cursorEvent, us: doc.cursorUs });
  if (doc.hash) checkHashOnArrival(useLab.getState().runId, doc.hash);
}

/** When the rebuilt run's first frame comes, says so if it did not come out as the sender saw it. */
function checkHashOnArrival(runId: number, expected: string): void {
  const stop = useLab.subscribe((s) => {
    if (s.runId !== runId) return stop();
    if (!s.view) return;
    stop();
    if (s.view.traceHash !== expected) notify('share.mismatch', { expected, got: s.view.traceHash });
  });
}

function problemKey(p: ShareProblem): MessageKey {
  return `share.error.${p.code}`;
}

/** A refused link: say what was wrong and start the default scenario. */
export function refuseLink(p: ShareProblem): void {
  notify(problemKey(p), p.params);
  notify('share.loadedDefault');
  loadScenario(DEFAULT_SCENARIO);
}

/** Reads a chosen file; a bad one is refused with its reason and the current run goes on untouched. */
export async function importFile(file: File): Promise<boolean> {
  const { fileTooLarge, readShareFile } = await loadCodec();
  const big = fileTooLarge(file.size);
  const r = big ?? readShareFile(await file.text());
  if (!r.ok) {
    notify(problemKey(r.problem), r.problem.params);
    notify('share.keptRun');
    return false;
  }
  openShared(r.doc);
  return true;
}
