/**
 * The running lesson: one xstate actor, wired to the lab's store. It applies
 * each step's setup (load a preset, set the speed, send commands, select the
 * machine the step talks about), pauses while a prediction is asked, feeds
 * the machine an observation on every panel refresh, remembers progress and
 * tells the share menu where the learner is.
 */
import { createActor, type Actor } from 'xstate';
import { currentStep, lessonById, lessonMachine, type Lesson, type LessonEvent } from '../../lessons';
import { stepPreset, stepSpeed } from '../../lessons/coverage';
import { browserStore, loadProgress, recordProgress, saveProgress } from '../../lessons/progress';
import { presetScenario } from '../../scenario/scenario';
import { notify, pause, play, select, sendCommand, setSpeed } from '../../store/actions';
import { loadScenario, useLab } from '../../store/labStore';
import { setLessonPlace } from '../../store/share';
import { lessonOptions, useLessons, type LessonSnapshot } from './lessonUi';
import { observe } from './observe';

let actor: Actor<typeof lessonMachine> | null = null;
let stopActor: (() => void) | null = null;
let stopStore: (() => void) | null = null;
let appliedEpoch = 0;
/** The run the current step set up; observations of older runs are not this step's. */
let stepRunId = -1;
let selectPending: string | null = null;
/** Whether the next step change comes from the step before (Next, Skip) rather than a jump. */
let sequential = false;

/** Reads saved progress, once, when the lessons load. */
function readProgress(): void {
  const store = browserStore();
  useLessons.setState({ progress: loadProgress(store), canSave: store !== null });
}
readProgress();

/** Sends an event to the running lesson (buttons of the lesson panel). */
export function lessonSend(e: LessonEvent): void {
  const snap = actor?.getSnapshot();
  // back from free play on the step's own scenario: its live run is the step's run
  sequential = e.type === 'NEXT' || e.type === 'SKIP';
  if (e.type === 'RETURN' && snap && useLab.getState().scenario.preset === stepPreset(snap.context.lesson, snap.context.step)) stepRunId = useLab.getState().runId;
  actor?.send(e);
}

/** Opens a lesson at a step (1-based, as in `?lesson=id&step=n`); a shared run keeps its simulation. */
export function startLesson(id: string, step = 1, opts: { keepSimulation?: boolean } = {}): boolean {
  const lesson = lessonById(id);
  if (!lesson) {
    notify('lessons.unknown', { id });
    return false;
  }
  stopLesson();
  const saved = useLessons.getState().progress[id];
  actor = createActor(lessonMachine, { input: { lesson, step: step - 1, keepSimulation: opts.keepSimulation, completed: saved?.completed } });
  appliedEpoch = 0;
  sequential = false;
  stepRunId = opts.keepSimulation ? useLab.getState().runId : -1;
  const sub = actor.subscribe((snap) => onSnapshot(lesson, snap));
  stopActor = () => sub.unsubscribe();
  stopStore = useLab.subscribe((s, prev) => {
    if (s.panelView !== prev.panelView || s.commandLog !== prev.commandLog) feed();
    if (selectPending && s.topology && s.topology !== prev.topology) selectNow();
  });
  actor.start();
  useLessons.setState({ screen: 'lab' });
  return true;
}

/** Leaves the lesson (the simulation goes on). */
export function stopLesson(): void {
  stopActor?.();
  stopStore?.();
  actor?.stop();
  actor = null;
  stopActor = stopStore = null;
  selectPending = null;
  setLessonPlace(null);
  useLessons.setState({ snapshot: null });
}

function onSnapshot(lesson: Lesson, snap: LessonSnapshot): void {
  const prev = useLessons.getState().snapshot;
  const ctx = snap.context;
  if (ctx.epoch !== appliedEpoch) {
    appliedEpoch = ctx.epoch;
    applyStep(lesson, ctx.step, ctx.apply);
  }
  // the question is asked with the simulation stopped; the answer lets it run
  if (snap.matches({ script: 'predicting' }) && !prev?.matches({ script: 'predicting' })) pause();
  if (prev?.matches({ script: 'predicting' }) && snap.matches({ script: 'working' })) play();
  setLessonPlace({ lesson: lesson.id, step: ctx.step + 1 });
  const old = useLessons.getState().progress;
  const progress = recordProgress(old, lesson.id, { completed: ctx.completed, step: ctx.step, finished: snap.matches('finished') });
  // observations arrive ten times a second: write to storage only when something changed
  if (JSON.stringify(progress[lesson.id]) !== JSON.stringify(old[lesson.id])) {
    saveProgress(browserStore(), progress);
    useLessons.setState({ snapshot: snap, progress });
  } else useLessons.setState({ snapshot: snap });
}

function applyStep(lesson: Lesson, index: number, apply: boolean): void {
  const step = lesson.steps[index]!;
  const direct = !sequential;
  sequential = false;
  if (apply) {
    // a step that continues the previous one still needs its scenario (after "back", a link, or a restart once the learner changed it)
    const preset = step.setup?.preset ?? stepPreset(lesson, index);
    const lab = useLab.getState();
    if (preset && (step.setup?.preset || lab.scenario.preset !== preset || (direct && index > 0))) {
      const scenario = presetScenario(preset, lab.scenario.seed);
      loadScenario(step.setup?.nodes ? { ...scenario, nodes: step.setup.nodes } : scenario);
    }
    const speed = direct ? stepSpeed(lesson, index) : step.setup?.speed;
    if (speed !== undefined && !lessonOptions.fixedSpeed) void setSpeed(speed);
    if (!step.predict && !useLab.getState().playing) play();
    for (const cmd of [...(direct ? (step.setup?.direct ?? []) : []), ...(step.setup?.commands ?? [])]) void sendCommand(cmd);
  }
  stepRunId = useLab.getState().runId;
  selectPending = step.highlight?.[0] ?? null;
  if (useLab.getState().topology) selectNow();
}

function selectNow(): void {
  const id = selectPending;
  const topo = useLab.getState().topology;
  if (!id || !topo) return;
  selectPending = null;
  if (topo.nodes.some((n) => n.id === id && !n.removed)) select({ kind: 'node', id });
  else if (topo.links.some((l) => l.id === id && !l.removed)) select({ kind: 'link', id });
}

function feed(): void {
  if (!actor) return;
  const s = useLab.getState();
  if (s.runId !== stepRunId) return;
  const obs = observe(s);
  if (obs) actor.send({ type: 'OBSERVE', obs });
}

/** The step on screen, for the panel. */
export function stepOf(snap: LessonSnapshot) {
  return currentStep(snap.context);
}
