import type { Lesson } from '../types';

/** 1 — What a distributed system is: machines of their own, joined by a network, talking only by messages. */
export const intro: Lesson = {
  id: 'intro',
  section: '1',
  steps: [
    { id: 'system', setup: { preset: 'office', speed: 1 }, highlight: ['app', 'db', 'client-1'], concepts: ['DS-SYSTEM'], goal: { kind: 'read' } },
    { id: 'messages', highlight: ['sw'], concepts: ['DS-MESSAGES'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'messagesDelivered', by: 40 } } },
    { id: 'crash', highlight: ['db'], concepts: ['DS-MESSAGES', 'DS-SYSTEM'], goal: { kind: 'action', match: { type: 'crashNode', fields: { node: 'db' } } } },
    { id: 'fail', setup: { direct: [{ type: 'crashNode', node: 'db' }] }, highlight: ['db'], concepts: ['DS-MESSAGES'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'requestsFailed', by: 1 } } },
  ],
};
