import type { Lesson } from '../types';

/** 2.4.2 — Operating-system design for clusters: failure management, failover and failback, load balancing, parallel computing. */
export const design: Lesson = {
  id: 'design',
  section: '2.4.2',
  steps: [
    { id: 'ha', setup: { preset: 'ha', speed: 5 }, highlight: ['node-1', 'node-2'], concepts: ['CL-HA-VS-FT', 'CL-HA', 'CL-FAILOVER'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'txHalfDone', op: '>', value: 0 } } },
    { id: 'ft', setup: { preset: 'ft', speed: 5 }, predict: { options: 3, answer: 1 }, highlight: ['node-1', 'node-2'], concepts: ['CL-HA-VS-FT', 'CL-CONFIG'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'txRolledBack', op: '>', value: 0 } } },
    { id: 'sideBySide', highlight: ['node-1'], concepts: ['CL-HA-VS-FT'], goal: { kind: 'read' } },
    { id: 'failback', setup: { preset: 'failback', speed: 10 }, highlight: ['node-1'], concepts: ['CL-FAILBACK', 'WCS-PREFERRED'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'downtimeUs', op: '>', value: 30_000_000 } } },
    { id: 'prevent', highlight: ['node-1'], concepts: ['CL-FAILBACK'], goal: { kind: 'action', match: { type: 'setFailback', fields: { policy: 'prevent' } } } },
    { id: 'balance', setup: { preset: 'balance', speed: 2 }, highlight: ['lb-1'], concepts: ['CL-LB'], goal: { kind: 'action', match: { type: 'setAlgorithm' } } },
    { id: 'migrate', highlight: ['web-1'], concepts: ['CL-MIGRATION', 'CL-LB'], goal: { kind: 'action', match: { type: 'drainServer' } } },
    { id: 'compiler', setup: { preset: 'amdahl', speed: 2 }, highlight: ['head', 'n01'], concepts: ['CL-PAR-COMPILER'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'jobsDone', by: 2 } } },
    { id: 'parapp', setup: { preset: 'parsum', speed: 1 }, highlight: ['eth'], concepts: ['CL-PAR-APP'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'jobsDone', by: 1 } } },
    { id: 'parametric', setup: { preset: 'beowulf', speed: 2 }, highlight: ['head'], concepts: ['CL-PARAMETRIC'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'tasksCompleted', by: 16 } } },
  ],
};
