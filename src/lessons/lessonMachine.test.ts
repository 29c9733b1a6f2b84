import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import type { Observation } from './goals';
import { HINT_MS, lessonMachine } from './lessonMachine';
import type { Lesson } from './types';

const lesson: Lesson = {
  id: 'demo',
  section: '0',
  steps: [
    { id: 'read', concepts: ['DS-SYSTEM'], goal: { kind: 'read' } },
    { id: 'crash', concepts: ['CL-FAILOVER'], goal: { kind: 'action', match: { type: 'crashNode', fields: { node: 'node-1' } } } },
    { id: 'moved', concepts: ['CL-FAILOVER'], predict: { options: 3, answer: 1 }, goal: { kind: 'condition', when: { kind: 'groupOnline', group: 'sql', node: 'node-2' } } },
    { id: 'grow', concepts: ['CL-HA'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'requestsCompleted', by: 10 } } },
  ],
};

function obs(o: Partial<Observation> = {}): Observation {
  return { runId: 1, nowUs: 0, stats: {}, up: {}, groups: [{ id: 'sql', onlineOn: ['node-1'] }], commands: [], ...o };
}

function start(step = 0, clock = new SimulatedClock()) {
  const actor = createActor(lessonMachine, { input: { lesson, step }, clock });
  actor.start();
  return { actor, clock, snap: () => actor.getSnapshot() };
}

describe('lesson machine', () => {
  it('a read step advances on Next and counts as completed', () => {
    const { actor, snap } = start();
    expect(snap().matches({ script: 'working' })).toBe(true);
    actor.send({ type: 'NEXT' });
    expect(snap().context.step).toBe(1);
    expect(snap().context.completed).toEqual([0]);
    expect(snap().context.epoch).toBe(2);
  });

  it('an action goal waits for that command, sent after the step began', () => {
    const { actor, snap } = start(1);
    const before = obs({ commands: [{ type: 'crashNode', node: 'node-1' }] });
    actor.send({ type: 'OBSERVE', obs: before });
    // the crash already in the log before the step does not count; Next does nothing on a goal step
    actor.send({ type: 'NEXT' });
    expect(snap().matches({ script: 'working' })).toBe(true);
    actor.send({ type: 'OBSERVE', obs: obs({ commands: [...before.commands, { type: 'crashNode', node: 'node-3' }] }) });
    expect(snap().matches({ script: 'working' })).toBe(true);
    actor.send({ type: 'OBSERVE', obs: obs({ commands: [...before.commands, { type: 'crashNode', node: 'node-3' }, { type: 'crashNode', node: 'node-1' }] }) });
    expect(snap().matches({ script: 'met' })).toBe(true);
    expect(snap().context.completed).toEqual([1]);
    actor.send({ type: 'NEXT' });
    expect(snap().context.step).toBe(2);
  });

  it('a condition goal is relative to the step start; a new run counts from zero', () => {
    const { actor, snap } = start(3);
    actor.send({ type: 'OBSERVE', obs: obs({ stats: { requestsCompleted: 100 } }) });
    actor.send({ type: 'OBSERVE', obs: obs({ stats: { requestsCompleted: 105 } }) });
    expect(snap().matches({ script: 'working' })).toBe(true);
    actor.send({ type: 'OBSERVE', obs: obs({ stats: { requestsCompleted: 110 } }) });
    expect(snap().matches('finished') || snap().matches({ script: 'met' })).toBe(true);
  });

  it('predict then observe: paused on the question, then runs and keeps the answer to compare', () => {
    const { actor, snap } = start(2);
    expect(snap().matches({ script: 'predicting' })).toBe(true);
    // the goal cannot be met while the question is open
    actor.send({ type: 'OBSERVE', obs: obs({ groups: [{ id: 'sql', onlineOn: ['node-2'] }] }) });
    expect(snap().matches({ script: 'predicting' })).toBe(true);
    actor.send({ type: 'PREDICT', choice: 2 });
    expect(snap().matches({ script: 'working' })).toBe(true);
    expect(snap().context.choice).toBe(2);
    actor.send({ type: 'OBSERVE', obs: obs({ groups: [{ id: 'sql', onlineOn: ['node-2'] }] }) });
    expect(snap().matches({ script: 'met' })).toBe(true);
    expect(snap().context.choice).not.toBe(lesson.steps[2]!.predict!.answer);
  });

  it('the hint appears after HINT_MS on the step, not before', () => {
    const clock = new SimulatedClock();
    const { snap } = start(1, clock);
    clock.increment(HINT_MS - 1);
    expect(snap().context.hint).toBe(false);
    clock.increment(1);
    expect(snap().context.hint).toBe(true);
  });

  it('back and skip work from any step; skip does not mark the step completed', () => {
    const { actor, snap } = start(1);
    actor.send({ type: 'SKIP' });
    expect(snap().context.step).toBe(2);
    expect(snap().context.completed).toEqual([]);
    actor.send({ type: 'BACK' });
    actor.send({ type: 'BACK' });
    expect(snap().context.step).toBe(0);
    actor.send({ type: 'BACK' });
    expect(snap().context.step).toBe(0);
    actor.send({ type: 'SKIP' });
    actor.send({ type: 'SKIP' });
    actor.send({ type: 'SKIP' });
    actor.send({ type: 'SKIP' });
    expect(snap().matches('finished')).toBe(true);
    actor.send({ type: 'BACK' });
    expect(snap().context.step).toBe(3);
  });

  it('take over leaves the script with the step kept; return comes back to the same phase without a new setup', () => {
    const { actor, snap } = start(2);
    actor.send({ type: 'PREDICT', choice: 1 });
    actor.send({ type: 'OBSERVE', obs: obs() });
    const epoch = snap().context.epoch;
    actor.send({ type: 'TAKE_OVER' });
    expect(snap().matches('free')).toBe(true);
    // while playing freely, the goal is not checked and the buttons of the script do nothing
    actor.send({ type: 'OBSERVE', obs: obs({ groups: [{ id: 'sql', onlineOn: ['node-2'] }] }) });
    actor.send({ type: 'SKIP' });
    expect(snap().matches('free')).toBe(true);
    actor.send({ type: 'RETURN' });
    expect(snap().matches({ script: 'working' })).toBe(true);
    expect(snap().context.step).toBe(2);
    expect(snap().context.choice).toBe(1);
    expect(snap().context.epoch).toBe(epoch);
    actor.send({ type: 'OBSERVE', obs: obs({ groups: [{ id: 'sql', onlineOn: ['node-2'] }] }) });
    expect(snap().matches({ script: 'met' })).toBe(true);
  });

  it('opens at a given step, keeping the simulation when asked (a shared link)', () => {
    const actor = createActor(lessonMachine, { input: { lesson, step: 3, keepSimulation: true } }).start();
    expect(actor.getSnapshot().context.step).toBe(3);
    expect(actor.getSnapshot().context.apply).toBe(false);
    actor.send({ type: 'RESTART_STEP' });
    expect(actor.getSnapshot().context.apply).toBe(true);
    const far = createActor(lessonMachine, { input: { lesson, step: 99 } }).start();
    expect(far.getSnapshot().context.step).toBe(3);
  });
});
