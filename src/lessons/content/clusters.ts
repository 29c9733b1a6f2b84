import type { Lesson } from '../types';

/** 2.4–2.4.1 — Why clusters (scalability, availability, price) and how they are configured (single points of failure, the network, disks). */
export const clusters: Lesson = {
  id: 'clusters',
  section: '2.4',
  steps: [
    { id: 'grow', setup: { preset: 'balance', speed: 2 }, highlight: ['lb-1', 'web-1'], concepts: ['CL-SCALE-INC', 'CL-LB'], goal: { kind: 'action', match: { type: 'addServer' } } },
    { id: 'scale', setup: { preset: 'scaleout', speed: 10 }, highlight: ['web-1', 'web-2'], concepts: ['CL-SCALE-ABS', 'CL-PRICE', 'CL-SCALE-INC'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'serversInRotation', op: '>=', value: 5 } } },
    { id: 'network', highlight: ['ic', 'store'], concepts: ['CL-NET-BOTTLENECK'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'interconnectUtil', op: '>=', value: 0.95 } } },
    { id: 'spof', setup: { preset: 'spof', speed: 2 }, predict: { options: 3, answer: 0 }, highlight: ['lb-1'], concepts: ['CL-SPOF'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'requestsFailed', by: 50 } } },
    { id: 'redundant', setup: { preset: 'redundant', speed: 2 }, highlight: ['lb-1', 'lb-2', 'gw-2'], concepts: ['CL-SPOF', 'CL-HA'], goal: { kind: 'condition', when: { kind: 'all', of: [{ kind: 'elapsed', us: 50_000_000 }, { kind: 'nodeUp', node: 'lb-1', up: false }] } } },
    { id: 'standby', setup: { preset: 'passive', speed: 5 }, highlight: ['node-1', 'node-2'], concepts: ['CL-CONFIG', 'CL-FAILOVER'], goal: { kind: 'condition', when: { kind: 'groupOnline', group: 'sql', node: 'node-2' } } },
    { id: 'separate', setup: { preset: 'separate', speed: 5 }, highlight: ['node-1', 'node-2'], concepts: ['CL-CONFIG'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'commitsLost', op: '>', value: 0 } } },
    { id: 'shared', setup: { preset: 'shared', speed: 5 }, highlight: ['node-1', 'node-2'], concepts: ['CL-CONFIG'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'lockMessages', op: '>', value: 50 } } },
  ],
};
