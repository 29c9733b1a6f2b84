import type { Lesson } from '../types';

/**
 * 2.7 — Beowulf and Linux clusters. No Beowulf model exists yet: the
 * scale-out preset (commodity nodes on one switched interconnect whose
 * speed is a setting) stands in where it genuinely fits.
 */
export const beowulf: Lesson = {
  id: 'beowulf',
  section: '2.7',
  steps: [
    { id: 'traits', setup: { preset: 'scaleout', speed: 10 }, highlight: ['web-1', 'web-2', 'ic'], concepts: ['BEO-TRAITS', 'BEO-LINUX'], goal: { kind: 'read' } },
    { id: 'ethernet', highlight: ['ic'], concepts: ['BEO-ETHERNET', 'BEO-BONDING', 'CL-NET-BOTTLENECK'], goal: { kind: 'action', match: { type: 'setInterconnect' } } },
    { id: 'bproc', highlight: ['web-1'], concepts: ['BEO-BPROC', 'BEO-PVMSYNC'], goal: { kind: 'read' } },
    { id: 'enfuzion', highlight: ['lb-1'], concepts: ['BEO-ENFUZION', 'CL-PARAMETRIC'], goal: { kind: 'read' } },
  ],
};
