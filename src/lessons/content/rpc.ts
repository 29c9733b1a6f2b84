import type { Lesson } from '../types';

/** 2.3 — Remote procedure calls: stubs, parameters, binding, sync and async, the object request broker. */
export const rpc: Lesson = {
  id: 'rpc',
  section: '2.3',
  steps: [
    { id: 'call', setup: { preset: 'rpc', speed: 1 }, highlight: ['c', 's'], concepts: ['RPC-CALL', 'RPC-STUBS', 'RPC-BYVAL', 'RPC-SYNC'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'rpcCompleted', by: 2 } } },
    { id: 'byref', setup: { preset: 'byref', speed: 1 }, predict: { options: 3, answer: 1 }, highlight: ['c', 's'], concepts: ['RPC-BYREF', 'RPC-BYVAL', 'RPC-STUBS'], goal: { kind: 'condition', when: { kind: 'stat', stat: 'rpcMsgsPerCall', op: '>', value: 3 } } },
    { id: 'binding', setup: { preset: 'binding', speed: 1 }, highlight: ['c'], concepts: ['RPC-BIND-TRANS', 'RPC-BIND-PERSIST'], goal: { kind: 'action', match: { type: 'rpcSet', fields: { binding: 'persistent' } } } },
    { id: 'async', setup: { preset: 'async', speed: 1 }, highlight: ['c', 's'], concepts: ['RPC-SYNC', 'RPC-ASYNC'], goal: { kind: 'action', match: { type: 'rpcSet', fields: { mode: 'async' } } } },
    { id: 'orb', setup: { preset: 'orb', speed: 1 }, highlight: ['b', 's1', 's2'], concepts: ['RPC-ORB', 'RPC-CALL'], goal: { kind: 'condition', when: { kind: 'statRise', stat: 'rpcCompleted', by: 3 } } },
  ],
};
