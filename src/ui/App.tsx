import { lazy, Suspense, useState } from 'react';
import { LANGS, type Lang } from '../i18n';
import { setLang } from '../store/actions';
import { useLab } from '../store/labStore';
import { SpaceTime } from '../labs/messaging/ui/SpaceTime';
import { Controls } from './Controls';
import { EventLog } from './EventLog';
import { GraphView } from './GraphView';
import { Inspector } from './Inspector';
import { LabRows, STAGE } from './labPanels';
import { Legend } from './Legend';
import { NodeList } from './NodeList';
import { Notices } from './Notices';
import { PresetPicker } from './PresetPicker';
import { useKeyboard } from './useKeyboard';
import { useT } from './useT';
import { ShareBar, ShareOpenFull } from './ShareBar';
import { ComparePanel } from './ComparePanel';
import { Timeline } from './Timeline';
import { LessonsButton } from './lessons/LessonsButton';
import { useLessons } from './lessons/lessonUi';

// the lessons (xstate, their content and texts) load when the home screen or a lesson opens
const LessonHome = lazy(() => import('./lessons/LessonHome').then((m) => ({ default: m.LessonHome })));
const LessonPanel = lazy(() => import('./lessons/LessonPanel').then((m) => ({ default: m.LessonPanel })));

/** The lab's one screen: controls on top, machines | graph | inspector, then figures and the log. */
export function App({ embed = false }: { embed?: boolean } = {}) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  // once the graph is drawn, a frame apart (labStore's MOUNT_STAGES): the machines, the inspector, the timeline, the lab's panels a column at a time, the log
  const stage = useLab((s) => s.mountStage);
  const labModels = useLab((s) => Object.keys(s.panelView?.models ?? {}).join());
  // a list, not the joined string: 'suncluster' must not count as 'cluster'
  const models = stage >= STAGE.column(1) ? labModels.split(',') : [];
  const home = useLessons((s) => s.screen === 'home');
  const inLesson = useLessons((s) => s.snapshot !== null);
  const [comparing, setComparing] = useState(false);
  useKeyboard();
  if (embed) {
    // for course pages and slides: the graph, its controls and the timeline, nothing else
    return (
      <div className="app embed">
        <div className="embed-bar">
          <Controls />
          <ShareOpenFull />
        </div>
        <Notices />
        <div className="stage">
          <GraphView />
        </div>
        <Timeline />
      </div>
    );
  }
  return (
    <div className={home ? 'app home-open' : 'app'}>
      <header className="top">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LessonsButton />
        <PresetPicker />
        <ShareBar />
        <button type="button" aria-pressed={comparing} onClick={() => setComparing((v) => !v)} data-testid="compare-open">
          {t('compare.open')}
        </button>
        <label className="lang">
          <span>{t('app.language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang">
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l === 'es' ? 'Español' : 'English'}
              </option>
            ))}
          </select>
        </label>
      </header>
      {home && (
        <Suspense fallback={null}>
          <LessonHome />
        </Suspense>
      )}
      <Controls />
      <Notices />
      <main className={inLesson ? 'workspace with-lesson' : 'workspace'}>
        <div className="side">
          {inLesson && (
            <Suspense fallback={null}>
              <LessonPanel />
            </Suspense>
          )}
          {stage >= STAGE.machines && <NodeList />}
          {stage >= STAGE.machines && !inLesson && <Legend />}
        </div>
        <div className="stage">
          <GraphView />
        </div>
        {stage >= STAGE.inspector ? <Inspector /> : <div />}
      </main>
      {models.includes('messaging') && <SpaceTime />}
      {stage >= STAGE.timeline && <Timeline />}
      {comparing && <ComparePanel onClose={() => setComparing(false)} />}
      <LabRows models={models} stage={stage} />
      {stage >= STAGE.log && <EventLog />}
    </div>
  );
}
