// first, so that the worker loads and starts while the rest of this script runs
import './prestart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultLang } from '../i18n';
import { fromSearchParams } from '../scenario/scenario';
import { SHARE_PARAM } from '../share/link';
import { loadCodec, openShared, refuseLink } from '../store/share';
import { attachWorker, loadScenario, notify, receiveFrame, useLab } from '../store/labStore';
import { sharedLinkFromWorker, startWorker } from '../store/workerClient';
import { App } from '../ui/App';
import { initLessons, openLesson } from '../ui/lessons/lessonUi';
import '../ui/styles.css';

const params = new URLSearchParams(location.search);

async function runBench(): Promise<void> {
  // bench mode: synthetic frames through the real renderer, results on window.__bench
  const { runRenderBench } = await import('../render/benchMode');
  const el = document.getElementById('root')!;
  el.className = 'bench-root';
  const nodes = Number(params.get('nodes') ?? 200);
  const messages = Number(params.get('messages') ?? 2000);
  window.__bench = await runRenderBench(el, nodes, messages, Number(params.get('frames') ?? 300));
}

/** A 1-based step number from the address; anything else is the first step. */
function lessonStep(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : 1;
}

async function startApp(): Promise<void> {
  const lang = params.get('lang');
  useLab.setState({ lang: lang === 'es' || lang === 'en' ? lang : defaultLang(navigator.languages) });
  document.documentElement.lang = useLab.getState().lang;
  if (params.get('paused') === '1') useLab.setState({ playing: false });
  const speed = Number(params.get('speed'));
  if (Number.isFinite(speed) && speed >= 0.1 && speed <= 1000) useLab.setState({ speed });
  const { scenario, problems } = fromSearchParams(location.search);
  for (const p of problems) notify('error.badAddress', { field: p.field, value: p.value });
  const client = startWorker(
    (f) => receiveFrame(f, performance.now()),
    (message) => notify('error.workerCrashed', { message }),
  );
  attachWorker(client);
  window.__distlab = { ...(window.__distlab ?? {}), store: useLab };
  initLessons({ fixedSpeed: params.has('speed') });
  const shared = params.get(SHARE_PARAM);
  if (shared === null) {
    loadScenario(scenario);
    // ?lesson=<id>&step=<n>: the lesson opens at that step and sets up its own scenario
    const lesson = params.get('lesson');
    if (lesson !== null) void openLesson(lesson, lessonStep(params.get('step')));
  } else {
    // a shared run: valid, it opens paused where it was sent; otherwise the reason and the default scenario
    // (the worker has read the link already, see workerClient; the page is drawn once the run's language is known)
    const r = (await sharedLinkFromWorker()) ?? (await loadCodec()).decodeShare(shared);
    if (r.ok) openShared(lang === 'es' || lang === 'en' ? { ...r.doc, lang } : r.doc);
    else refuseLink(r.problem);
    // the sender's lesson step, on the sender's simulation
    if (r.ok && r.doc.lesson) void openLesson(r.doc.lesson, r.doc.step ?? 1, { keepSimulation: true });
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App embed={params.get('embed') === '1'} />
    </StrictMode>,
  );
}

if (params.get('bench') === 'render') void runBench();
else void startApp();
