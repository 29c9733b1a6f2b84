import type { Lesson } from '../types';

/** 2.6 — Sun Cluster: one Solaris machine, CORBA objects, process management, the three networking designs, the global file system and its caches. */
export const sun: Lesson = {
  id: 'sun',
  section: '2.6',
  steps: [
    { id: 'ssi', setup: { preset: 'sunnet', speed: 2 }, highlight: ['public', 'sun-1'], concepts: ['SUN-SSI'], goal: { kind: 'read' } },
    { id: 'corba', highlight: ['ic'], concepts: ['SUN-CORBA'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'requestsCompleted', by: 200 } } },
    { id: 'filter', highlight: ['sun-1'], concepts: ['SUN-NET-FILTER', 'SUN-NET-OPTIONS'], goal: { kind: 'condition', when: { kind: 'nodeUp', node: 'sun-1', up: false } } },
    { id: 'single', setup: { preset: 'sunsingle', speed: 2 }, predict: { options: 3, answer: 0 }, highlight: ['sun-1'], concepts: ['SUN-NET-OPTIONS'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'ifaceUtil', op: '>=', value: 0.95 } } },
    { id: 'pernode', setup: { preset: 'sunpernode', speed: 2 }, highlight: ['sun-2'], concepts: ['SUN-NET-OPTIONS', 'SUN-SSI'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'requestsFailed', by: 1 } } },
    { id: 'proc', setup: { preset: 'sunnet', speed: 2 }, highlight: ['sun-2'], concepts: ['SUN-PROC'], goal: { kind: 'action', match: { type: 'sunMigrate' } } },
    { id: 'gfs', setup: { preset: 'sungfs', speed: 2 }, highlight: ['sun-3'], concepts: ['SUN-GFS', 'SUN-VNODE'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'fileOps', by: 10 } } },
    { id: 'cache', highlight: ['sun-3'], concepts: ['SUN-CACHE'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'cacheHits', by: 40 } } },
    { id: 'nocache', highlight: ['sun-3'], concepts: ['SUN-CACHE', 'SUN-CORBA'], goal: { kind: 'action', match: { type: 'sunCaches', fields: { on: false } } } },
  ],
};
