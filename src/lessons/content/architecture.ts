import type { Lesson } from '../types';

/** 2.4.3–2.4.4 — Cluster architecture: middleware and the single-system image; cluster vs SMP. */
export const architecture: Lesson = {
  id: 'architecture',
  section: '2.4.3',
  steps: [
    { id: 'middleware', setup: { preset: 'cluster', speed: 5 }, highlight: ['node-1', 'node-2', 'node-3', 'node-4'], concepts: ['CL-MIDDLEWARE', 'CL-SSI'], goal: { kind: 'read' } },
    {
      id: 'entry',
      setup: { commands: [{ type: 'crashNode', node: 'node-1' }] },
      highlight: ['node-1', 'client-1'],
      concepts: ['CL-SSI', 'CL-MIDDLEWARE', 'CL-HA'],
      goal: { kind: 'condition', when: { kind: 'groupOnline', group: 'sql', notNode: 'node-1' } },
    },
    { id: 'checkpoint', setup: { preset: 'checkpoint', speed: 10 }, highlight: ['n01', 'head'], concepts: ['CL-CHECKPOINT'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'tasksRequeued', by: 1 } } },
    { id: 'ssi', setup: { preset: 'ssi', speed: 2 }, highlight: ['head'], concepts: ['CL-SSI', 'CL-MIDDLEWARE'], goal: { kind: 'action', match: { type: 'ssiLogin' } } },
    { id: 'control', highlight: ['head'], concepts: ['CL-SSI', 'CL-MIDDLEWARE'], goal: { kind: 'action', match: { type: 'ssiAdmin' } } },
    { id: 'migration', setup: { preset: 'migration', speed: 2 }, highlight: ['n01', 'n02'], concepts: ['CL-MIGRATION', 'BEO-BPROC'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'migrations', by: 3 } } },
    { id: 'smp', setup: { preset: 'smp', speed: 20 }, highlight: ['head'], concepts: ['CL-VS-SMP', 'CL-SCALE-ABS', 'CL-SCALE-INC', 'CL-HA'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'jobsDone', by: 3 } } },
  ],
};
