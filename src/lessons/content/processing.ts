import type { Lesson } from '../types';

/** 2.1.5 — Classes of client/server processing: host, server, client, cooperative; fat and thin clients. */
export const processing: Lesson = {
  id: 'processing',
  section: '2.1.5',
  steps: [
    { id: 'host', setup: { preset: 'mainframe', speed: 1 }, highlight: ['host', 'client-1'], concepts: ['CS-HOST', 'CS-THIN-MIGR'], goal: { kind: 'read' } },
    { id: 'server', setup: { preset: 'thin', speed: 1 }, highlight: ['app', 'client-1'], concepts: ['CS-SERVER', 'CS-THIN-MIGR'], goal: { kind: 'condition', when: { kind: 'elapsed', us: 5_000_000 } } },
    { id: 'toFat', highlight: ['client-1'], concepts: ['CS-FAT-THIN', 'CS-CLIENT'], goal: { kind: 'action', match: { type: 'setClass', fields: { cls: 'client' } } } },
    { id: 'offload', setup: { direct: [{ type: 'setClass', cls: 'client' }] }, predict: { options: 3, answer: 1 }, highlight: ['app'], concepts: ['CS-FAT-THIN', 'CS-CLIENT', 'CS-BOTTLENECK'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'serverCpuPerTxUs', op: '<', value: 2_000 } } },
    { id: 'sideBySide', setup: { preset: 'office', speed: 2 }, highlight: ['app'], concepts: ['CS-FAT-THIN'], goal: { kind: 'read' } },
    { id: 'coop', setup: { preset: 'coop', speed: 1 }, highlight: ['client-1', 'app'], concepts: ['CS-COOP'], goal: { kind: 'read' } },
    { id: 'cost', setup: { preset: 'fat', speed: 2 }, highlight: ['client-1'], concepts: ['CS-FAT-COST', 'CS-CLIENT'], goal: { kind: 'action', match: { type: 'deploy' } } },
    { id: 'grow', setup: { preset: 'thin', speed: 1 }, highlight: ['app'], concepts: ['CS-BOTTLENECK'], goal: { kind: 'action', match: { type: 'setClients' } } },
    { id: 'queue', setup: { direct: [{ type: 'setClients', count: 300 }] }, highlight: ['app'], concepts: ['CS-BOTTLENECK', 'CS-FAT-THIN'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'appUtil', op: '>=', value: 0.95 } } },
  ],
};
