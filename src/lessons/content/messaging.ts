import type { Lesson } from '../types';

/** 2.2–2.2.1 — Message passing: no shared memory, Send and Receive, the module, reliable and unreliable service. */
export const messaging: Lesson = {
  id: 'messaging',
  section: '2.2',
  steps: [
    { id: 'noshm', setup: { preset: 'noshm', speed: 1 }, highlight: ['m1', 'm2'], concepts: ['MP-NOSHM'], goal: { kind: 'condition', when: { kind: 'elapsed', us: 12_000_000 } } },
    { id: 'sendrecv', setup: { preset: 'sendrecv', speed: 1 }, highlight: ['m1', 'm2'], concepts: ['MP-SENDRECV', 'MP-MODULE', 'DS-MESSAGES'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'requestsCompleted', by: 5 } } },
    { id: 'lossy', setup: { preset: 'reliable', speed: 1 }, predict: { options: 3, answer: 0 }, highlight: ['m2'], concepts: ['MP-RELIABLE', 'MP-UNRELIABLE', 'MP-MODULE'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'mpRetransmissions', by: 5 } } },
    { id: 'cut', highlight: ['m2'], concepts: ['MP-RELIABLE'], goal: { kind: 'action', match: { type: 'cutLink', fields: { link: 'm2~net' } } } },
    { id: 'report', setup: { direct: [{ type: 'cutLink', link: 'm2~net' }] }, highlight: ['m1'], concepts: ['MP-RELIABLE', 'MP-UNRELIABLE'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'mpFailures', by: 1 } } },
  ],
};
