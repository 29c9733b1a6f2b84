import { asKey, LESSONS } from '../../lessons';
import { LABS, type LabName } from '../../scenario/labs';
import { loadPreset } from '../../store/actions';
import { useT } from '../useT';
import { closeHome, useLessons } from './lessonUi';
import { startLesson, stopLesson } from './session';

/** The home screen: the lessons with their progress, and the free-play scenarios by lab. */
export function LessonHome() {
  const t = useT();
  const progress = useLessons((s) => s.progress);
  const canSave = useLessons((s) => s.canSave);
  return (
    <main className="lesson-home" data-testid="lesson-home" aria-labelledby="home-title">
      <div className="home-head">
        <h2 id="home-title">{t('lessons.home.title')}</h2>
        <button type="button" onClick={closeHome} data-testid="home-close">
          {t('lessons.home.close')}
        </button>
      </div>
      <p className="home-intro">{t('lessons.home.intro')}</p>
      {!canSave && <p className="small muted" data-testid="home-storage-off">{t('lessons.home.storageOff')}</p>}
      <ol className="lesson-cards">
        {LESSONS.map((l) => {
          const p = progress[l.id];
          const done = p?.completed.filter((i) => i < l.steps.length).length ?? 0;
          const status = p?.finished ? t('lessons.complete') : p ? t('lessons.progress', { done, total: l.steps.length }) : t('lessons.notStarted');
          const resume = p && !p.finished && p.step > 0 ? p.step + 1 : 1;
          return (
            <li key={l.id} className={`lesson-card${p?.finished ? ' finished' : ''}`} data-testid={`lesson-card-${l.id}`}>
              <span className="small muted">{t('lessons.section', { n: l.section })}</span>
              <h3>{t(asKey(`lessons.title.${l.id}`))}</h3>
              <div className="lesson-meter" aria-hidden="true">
                <span style={{ width: `${(100 * done) / l.steps.length}%` }} />
              </div>
              <p className="small" data-testid={`lesson-status-${l.id}`}>
                {status}
              </p>
              <button type="button" className="primary" onClick={() => startLesson(l.id, resume)} data-testid={`start-${l.id}`}>
                {resume > 1 ? t('lessons.continue', { n: resume }) : t('lessons.start')}
              </button>
            </li>
          );
        })}
      </ol>
      <h2>{t('lessons.home.free')}</h2>
      <p className="small muted">{t('lessons.home.freeIntro')}</p>
      <div className="free-play">
        {(Object.keys(LABS) as LabName[]).map((lab) => (
          <section key={lab} className="free-lab" aria-label={t(`lab.${lab}`)}>
            <h3>{t(`lab.${lab}`)}</h3>
            <ul>
              {LABS[lab].map((p) => (
                <li key={p}>
                  <button
                    type="button"
                    className="link-like"
                    onClick={() => {
                      stopLesson();
                      loadPreset(p);
                      closeHome();
                    }}
                    data-testid={`free-${p}`}
                  >
                    {t(`preset.${p}`)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </main>
  );
}
