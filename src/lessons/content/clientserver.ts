import type { Lesson } from '../types';

/** 2.1.1–2.1.4 — Clients and servers, the terms of the trade, and the database application. */
export const clientserver: Lesson = {
  id: 'clientserver',
  section: '2.1',
  steps: [
    { id: 'roles', setup: { preset: 'office', speed: 1 }, highlight: ['client-1', 'app'], concepts: ['CS-ROLES', 'DS-SYSTEM'], goal: { kind: 'read' } },
    { id: 'terms', highlight: ['app'], concepts: ['CS-TERMS'], goal: { kind: 'read' } },
    { id: 'add', highlight: ['sw'], concepts: ['CS-ROLES'], goal: { kind: 'action', match: { type: 'addClient' } } },
    { id: 'database', setup: { preset: 'database', speed: 1 }, highlight: ['db', 'client-1'], concepts: ['CS-DB', 'CS-TERMS'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'requestsCompleted', by: 10 } } },
  ],
};
