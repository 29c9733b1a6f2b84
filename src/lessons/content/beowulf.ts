import type { Lesson } from '../types';

/** 2.7 — Beowulf and Linux clusters: commodity nodes, BProc, channel bonding, Pvmsync, EnFuzion, Ethernet speeds. */
export const beowulf: Lesson = {
  id: 'beowulf',
  section: '2.7',
  steps: [
    { id: 'traits', setup: { preset: 'beowulf', speed: 2 }, highlight: ['head', 'n01', 'eth'], concepts: ['BEO-TRAITS', 'BEO-LINUX'], goal: { kind: 'read' } },
    { id: 'enfuzion', highlight: ['head'], concepts: ['BEO-ENFUZION', 'CL-PARAMETRIC', 'BEO-BPROC'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'tasksCompleted', by: 16 } } },
    { id: 'bonding', highlight: ['n01'], concepts: ['BEO-BONDING'], goal: { kind: 'action', match: { type: 'failNic' } } },
    { id: 'ethernet', setup: { preset: 'parsum', speed: 1 }, highlight: ['eth', 'n01'], concepts: ['BEO-ETHERNET', 'BEO-PVMSYNC', 'CL-PAR-APP'], goal: { kind: 'action', match: { type: 'setEthernet' } } },
  ],
};
