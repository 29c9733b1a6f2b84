import { asKey, CONCEPTS, stepKey, type ConceptId } from '../../lessons';
import { simulatedConcepts } from '../../lessons/coverage';
import type { StepPart } from '../../lessons/keys';
import { select } from '../../store/actions';
import { useLab } from '../../store/labStore';
import { useT } from '../useT';
import { openHome, useLessons } from './lessonUi';
import { lessonSend, stepOf, stopLesson } from './session';

const SIMULATED = simulatedConcepts();

/**
 * The lesson beside the graph (never over it): the step's text, its task,
 * the prediction, the hint when it comes, what to look at, the concepts it
 * teaches, and back / skip / next / take over.
 */
export function LessonPanel() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const snap = useLessons((s) => s.snapshot);
  const topo = useLab((s) => s.topology);
  if (!snap) return null;
  const ctx = snap.context;
  const lesson = ctx.lesson;
  const step = stepOf(snap);
  const text = (part: StepPart | `q${number}`) => t(asKey(stepKey(lesson.id, step.id, part)));
  const title = t(asKey(`lessons.title.${lesson.id}`));
  const free = snap.matches('free');
  const finished = snap.matches('finished');
  const predicting = snap.matches({ script: 'predicting' });
  const met = snap.matches({ script: 'met' });
  const canNext = met || (step.goal.kind === 'read' && snap.matches({ script: 'working' }));
  const look = (step.highlight ?? []).filter((id) => topo?.nodes.some((n) => n.id === id && !n.removed) || topo?.links.some((l) => l.id === id && !l.removed));

  return (
    <section className="panel lesson" aria-labelledby="lesson-title" data-testid="lesson-panel">
      <div className="lesson-head">
        <h2 id="lesson-title">{title}</h2>
        <button type="button" className="link-like small" onClick={stopLesson} data-testid="lesson-close">
          {t('lessons.close')}
        </button>
      </div>
      {finished ? (
        <div data-testid="lesson-finished">
          <h3>{t('lessons.finished.title')}</h3>
          <p>{t('lessons.finished.text', { title })}</p>
          <div className="actions">
            <button type="button" onClick={() => lessonSend({ type: 'BACK' })}>
              {t('lessons.back')}
            </button>
            <button type="button" onClick={() => lessonSend({ type: 'RESTART' })}>
              {t('lessons.finished.again')}
            </button>
            <button type="button" className="primary" onClick={openHome} data-testid="lesson-home-link">
              {t('lessons.finished.home')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="lesson-step small muted" data-testid="lesson-step">
            {t('lessons.stepOf', { n: ctx.step + 1, total: lesson.steps.length })}
          </p>
          <div className="lesson-body">
            {free ? (
              <div className="lesson-free">
                <p data-testid="lesson-free">{t('lessons.freeNote', { n: ctx.step + 1 })}</p>
                <button type="button" className="primary" onClick={() => lessonSend({ type: 'RETURN' })} data-testid="lesson-return">
                  {t('lessons.return')}
                </button>
              </div>
            ) : (
              <>
                <p className="lesson-text" data-testid="lesson-text">
                  {text('text')}
                </p>
                {step.predict && predicting && (
                  <fieldset className="lesson-predict" data-testid="lesson-predict">
                    <legend>{t('lessons.predict.title')}</legend>
                    <p>{text('question')}</p>
                    <div className="lesson-options">
                      {Array.from({ length: step.predict.options }, (_, i) => (
                        <button key={i} type="button" onClick={() => lessonSend({ type: 'PREDICT', choice: i })} data-testid={`predict-${i}`}>
                          {text(`q${i}`)}
                        </button>
                      ))}
                    </div>
                    <p className="small muted">{t('lessons.predict.paused')}</p>
                  </fieldset>
                )}
                {step.predict && !predicting && ctx.choice !== null && (
                  <p className="small" data-testid="lesson-choice">
                    {t('lessons.predict.yours', { choice: text(`q${ctx.choice}`) })}
                  </p>
                )}
                {step.goal.kind !== 'read' && !predicting && (
                  <div className={`lesson-task${met ? ' met' : ''}`} data-testid="lesson-task">
                    <strong>{t('lessons.task')}:</strong> {text('task')}
                  </div>
                )}
                {met && (
                  <div className="lesson-done" role="status" data-testid="lesson-done">
                    <p className="ok">✓ {t('lessons.done')}</p>
                    {step.predict && ctx.choice !== null && (
                      <>
                        <p data-testid="lesson-compare">{ctx.choice === step.predict.answer ? t('lessons.predict.right') : t('lessons.predict.wrong', { answer: text(`q${step.predict.answer}`) })}</p>
                        <p>{text('explain')}</p>
                      </>
                    )}
                  </div>
                )}
                {!met && !predicting && step.goal.kind !== 'read' && (
                  <p className="small muted" aria-live="polite">
                    {t('lessons.watching')}
                  </p>
                )}
                {!met && !predicting && ctx.hint && step.goal.kind !== 'read' && (
                  <p className="lesson-hint" data-testid="lesson-hint">
                    <strong>{t('lessons.hint')}:</strong> {text('hint')}
                  </p>
                )}
                {look.length > 0 && (
                  <div className="lesson-look">
                    <span className="small muted">{t('lessons.look')}:</span>{' '}
                    {look.map((id) => (
                      <button key={id} type="button" className="chip" onClick={() => select({ kind: topo?.nodes.some((n) => n.id === id) ? 'node' : 'link', id })}>
                        {/* the name the graph shows, not the internal id */}
                        {topo?.nodes.find((n) => n.id === id)?.label ?? id}
                      </button>
                    ))}
                  </div>
                )}
                <ul className="chips lesson-concepts" aria-label={t('lessons.concepts')}>
                  {step.concepts.map((c: ConceptId) => (
                    <li key={c} className={`chip${SIMULATED.has(c) ? '' : ' explained'}`} title={`${CONCEPTS[c][lang]}${SIMULATED.has(c) ? '' : ` — ${t('lessons.explainedOnly')}`}`}>
                      {CONCEPTS[c][lang]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div className="lesson-nav">
            {!free && (
              <>
                <button type="button" onClick={() => lessonSend({ type: 'BACK' })} disabled={ctx.step === 0} data-testid="lesson-back">
                  ← {t('lessons.back')}
                </button>
                <button type="button" onClick={() => lessonSend({ type: 'SKIP' })} data-testid="lesson-skip">
                  {t('lessons.skip')}
                </button>
                <button type="button" className="primary" onClick={() => lessonSend({ type: 'NEXT' })} disabled={!canNext} data-testid="lesson-next">
                  {t('lessons.next')} →
                </button>
              </>
            )}
          </div>
          {!free && (
            <div className="lesson-more">
              <button type="button" className="link-like small" onClick={() => lessonSend({ type: 'TAKE_OVER' })} title={t('lessons.takeOverHint')} data-testid="lesson-takeover">
                {t('lessons.takeOver')}
              </button>
              <button type="button" className="link-like small" onClick={() => lessonSend({ type: 'RESTART_STEP' })} data-testid="lesson-restart-step">
                {t('lessons.restartStep')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
