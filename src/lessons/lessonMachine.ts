/**
 * The lesson state machine (xstate v5). It walks a lesson's steps: a step
 * with a prediction first waits for the learner's answer (the simulation
 * paused), then every step waits for its goal, checked on each observation
 * of the simulation; a hint comes after HINT_MS. "Back" and "skip" work from
 * any step; "take over" leaves the script with the same live simulation and
 * "return" comes back to the very step and phase the learner left.
 *
 * The machine does no side effects: whoever runs it watches `epoch` and
 * applies the current step's setup when `apply` is set.
 */
import { and, assign, setup } from 'xstate';
import { goalMet, type Observation } from './goals';
import type { Lesson, Step } from './types';

/** How long a learner works on a step before its hint appears. */
export const HINT_MS = 20_000;

export interface LessonContext {
  lesson: Lesson;
  step: number;
  /** The observation taken when the step began (null until the first one arrives). */
  base: Observation | null;
  hint: boolean;
  /** The learner's answer to the step's prediction. */
  choice: number | null;
  /** Steps whose goal was met (or that were read), in any order. */
  completed: number[];
  /** Increments each time a step is entered afresh (not on return from free play). */
  epoch: number;
  /** Whether the runner should apply this epoch's setup (false when a shared run already holds the state). */
  apply: boolean;
}

export type LessonEvent =
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'SKIP' }
  | { type: 'RESTART_STEP' }
  | { type: 'RESTART' }
  | { type: 'OBSERVE'; obs: Observation }
  | { type: 'PREDICT'; choice: number }
  | { type: 'TAKE_OVER' }
  | { type: 'RETURN' };

export interface LessonInput {
  lesson: Lesson;
  /** 0-based step to start at (clamped). */
  step?: number;
  /** Open the step on the simulation as it is (a shared link), without its setup. */
  keepSimulation?: boolean;
  completed?: number[];
}

/** The step the machine is on. */
export function currentStep(ctx: LessonContext): Step {
  return ctx.lesson.steps[ctx.step]!;
}

const fresh = (step: number) => ({ step, base: null, hint: false, choice: null, apply: true });

const withCompleted = (ctx: LessonContext) => (ctx.completed.includes(ctx.step) ? ctx.completed : [...ctx.completed, ctx.step].sort((a, b) => a - b));

export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
    input: {} as LessonInput,
  },
  guards: {
    hasPrediction: ({ context }) => currentStep(context).predict !== undefined,
    isRead: ({ context }) => currentStep(context).goal.kind === 'read',
    isLast: ({ context }) => context.step >= context.lesson.steps.length - 1,
    goalMet: ({ context, event }) => event.type === 'OBSERVE' && goalMet(currentStep(context).goal, event.obs, context.base ?? event.obs),
  },
  actions: {
    complete: assign({ completed: ({ context }) => withCompleted(context) }),
    advance: assign(({ context }) => ({ ...fresh(context.step + 1), epoch: context.epoch + 1 })),
    retreat: assign(({ context }) => ({ ...fresh(Math.max(0, context.step - 1)), epoch: context.epoch + 1 })),
    toLast: assign(({ context }) => ({ ...fresh(context.lesson.steps.length - 1), epoch: context.epoch + 1 })),
    toFirst: assign(({ context }) => ({ ...fresh(0), epoch: context.epoch + 1 })),
    restartStep: assign(({ context }) => ({ ...fresh(context.step), epoch: context.epoch + 1 })),
    keepBase: assign({ base: ({ context, event }) => context.base ?? (event.type === 'OBSERVE' ? event.obs : null) }),
    showHint: assign({ hint: true }),
    choose: assign({ choice: ({ event }) => (event.type === 'PREDICT' ? event.choice : null) }),
  },
  delays: { hint: HINT_MS },
}).createMachine({
  id: 'lesson',
  context: ({ input }) => {
    const last = input.lesson.steps.length - 1;
    const step = Math.min(Math.max(0, Math.floor(input.step ?? 0)), last);
    return { lesson: input.lesson, ...fresh(step), completed: input.completed ?? [], epoch: 1, apply: !input.keepSimulation };
  },
  initial: 'script',
  states: {
    script: {
      initial: 'entering',
      states: {
        entering: {
          always: [{ guard: 'hasPrediction', target: 'predicting' }, { target: 'working' }],
        },
        /** The question is on screen; the simulation waits. */
        predicting: {
          on: {
            PREDICT: { target: 'working', actions: 'choose' },
            OBSERVE: { actions: 'keepBase' },
          },
        },
        working: {
          after: { hint: { actions: 'showHint' } },
          on: {
            OBSERVE: [{ guard: 'goalMet', target: 'met', actions: ['keepBase', 'complete'] }, { actions: 'keepBase' }],
            NEXT: [
              { guard: and(['isRead', 'isLast']), target: '#lesson.finished', actions: 'complete' },
              { guard: 'isRead', target: '#lesson.script', reenter: true, actions: ['complete', 'advance'] },
            ],
          },
        },
        /** The goal was met: the learner reads what happened (and how the prediction fared), then goes on. */
        met: {
          on: {
            NEXT: [{ guard: 'isLast', target: '#lesson.finished' }, { target: '#lesson.script', reenter: true, actions: 'advance' }],
          },
        },
        hist: { type: 'history', history: 'shallow' },
      },
      on: {
        SKIP: [{ guard: 'isLast', target: '#lesson.finished' }, { target: '#lesson.script', reenter: true, actions: 'advance' }],
        BACK: { target: '#lesson.script', reenter: true, actions: 'retreat' },
        RESTART_STEP: { target: '#lesson.script', reenter: true, actions: 'restartStep' },
        TAKE_OVER: { target: '#lesson.free' },
      },
    },
    /** The learner plays freely with the same simulation; the step waits where it was. */
    free: {
      on: { RETURN: { target: '#lesson.script.hist' } },
    },
    finished: {
      on: {
        BACK: { target: '#lesson.script', actions: 'toLast' },
        RESTART: { target: '#lesson.script', actions: 'toFirst' },
      },
    },
  },
});
