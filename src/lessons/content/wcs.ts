import type { Lesson } from '../types';

/** 2.5 — Windows Cluster Server: the cluster service, resources and groups, membership, failover and the preferred owner. */
export const wcs: Lesson = {
  id: 'wcs',
  section: '2.5',
  steps: [
    { id: 'nodes', setup: { preset: 'cluster', speed: 5 }, highlight: ['node-1', 'node-2'], concepts: ['WCS-SHARED-NOTHING', 'WCS-SERVICE', 'WCS-EVENTS'], goal: { kind: 'read' } },
    { id: 'groups', highlight: ['node-1'], concepts: ['WCS-RESOURCE', 'WCS-GROUP', 'WCS-ONLINE', 'WCS-SHARED-NOTHING'], goal: { kind: 'condition', when: { kind: 'groupOnline', group: 'sql', node: 'node-1' } } },
    { id: 'crash', highlight: ['node-1'], concepts: ['WCS-NODEMGR', 'CL-HA'], goal: { kind: 'action', match: { type: 'crashNode', fields: { node: 'node-1' } } } },
    {
      id: 'failover',
      setup: { direct: [{ type: 'crashNode', node: 'node-1' }] },
      predict: { options: 3, answer: 0 },
      highlight: ['node-2'],
      concepts: ['CL-FAILOVER', 'CL-HA', 'WCS-NODEMGR', 'WCS-FAILOVER-MGR', 'WCS-CONFIGDB', 'WCS-RESMON'],
      goal: { kind: 'condition', when: { kind: 'groupOnline', group: 'sql', node: 'node-2' } },
    },
    { id: 'restart', setup: { direct: [{ type: 'crashNode', node: 'node-1' }], commands: [{ type: 'setFailback', group: 'sql', policy: 'immediate' }] }, highlight: ['node-1'], concepts: ['WCS-PREFERRED'], goal: { kind: 'action', match: { type: 'restartNode', fields: { node: 'node-1' } } } },
    { id: 'back', highlight: ['node-1'], concepts: ['WCS-PREFERRED', 'CL-FAILBACK'], goal: { kind: 'condition', when: { kind: 'groupOnline', group: 'sql', node: 'node-1' } } },
    { id: 'quorum', setup: { preset: 'splitbrain', speed: 10 }, highlight: ['ic-a', 'ic-b'], concepts: ['WCS-NODEMGR', 'CL-HA'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'invariantViolations', op: '>', value: 0 } } },
  ],
};
