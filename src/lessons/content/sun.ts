import type { Lesson } from '../types';

/**
 * 2.6 — Sun Cluster. No Sun Cluster model exists yet: the steps explain each
 * idea next to the running preset that is closest (an object broker for
 * CORBA, a dispatcher for the networking designs), and say so.
 */
export const sun: Lesson = {
  id: 'sun',
  section: '2.6',
  steps: [
    { id: 'ssi', setup: { preset: 'cluster', speed: 5 }, highlight: ['node-1', 'node-2', 'node-3', 'node-4'], concepts: ['SUN-SSI'], goal: { kind: 'read' } },
    { id: 'corba', setup: { preset: 'orb', speed: 1 }, highlight: ['b'], concepts: ['SUN-CORBA', 'RPC-ORB'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'rpcCompleted', by: 3 } } },
    { id: 'proc', setup: { preset: 'balance', speed: 2 }, highlight: ['web-1', 'web-2'], concepts: ['SUN-PROC'], goal: { kind: 'read' } },
    { id: 'net', setup: { preset: 'spof', speed: 2 }, highlight: ['lb-1', 'gw-1'], concepts: ['SUN-NET-OPTIONS', 'CL-SPOF'], goal: { kind: 'condition', when: { kind: 'nodeUp', node: 'lb-1', up: false } } },
    { id: 'filter', setup: { preset: 'balance', speed: 2 }, highlight: ['lb-1'], concepts: ['SUN-NET-FILTER', 'SUN-NET-OPTIONS'], goal: { kind: 'read' } },
    { id: 'gfs', highlight: ['web-1'], concepts: ['SUN-GFS', 'SUN-VNODE'], goal: { kind: 'read' } },
    { id: 'cache', highlight: ['web-1'], concepts: ['SUN-CACHE'], goal: { kind: 'read' } },
  ],
};
