import type { Lesson } from '../types';

/** 2.2.2 — Blocking and non-blocking Send and Receive. */
export const primitives: Lesson = {
  id: 'primitives',
  section: '2.2.2',
  steps: [
    { id: 'block', setup: { preset: 'blocking', speed: 1 }, highlight: ['m1', 'm2'], concepts: ['MP-BLOCK'], goal: { kind: 'read' } },
    { id: 'mutate', highlight: ['m3'], concepts: ['MP-NONBLOCK'], goal: { kind: 'action', match: { type: 'mpMutate' } } },
    { id: 'poll', highlight: ['m4'], concepts: ['MP-NONBLOCK-RECV', 'MP-MODULE'], goal: { kind: 'read' } },
    { id: 'unreliable', highlight: ['m1'], concepts: ['MP-BLOCK', 'MP-UNRELIABLE'], goal: { kind: 'action', match: { type: 'mpSet', fields: { service: 'unreliable' } } } },
  ],
};
