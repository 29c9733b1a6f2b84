/** Evidence of the Sun Cluster presets (src/labs/suncluster/engine): the addresses clients see, the interconnect's IDL calls, the global process table and the file system. */
import { SUN_MSG } from '../../protocol';
import type { Evidence, LabEvidence, Sample } from './types';

const CLIENT = /^client-/;
const SUNS = ['sun-1', 'sun-2', 'sun-3', 'sun-4'];
const SHARED = /^TCP -> 192\.0\.2\.10:80$/;

// the Sun Cluster presets always run the suncluster model
const sun = (s: Sample) => s.models.suncluster!;

/** Every node still in the cluster knows where every process runs. */
const everyoneKnows = (s: Sample) => sun(s).members.every((m, i) => !m || sun(s).agree[i] === sun(s).procs.length) && sun(s).procs.length > 0;

export const SUN_EVIDENCE: LabEvidence<'sunnet' | 'sunsingle' | 'sunpernode' | 'sungfs'> = {
  // the packet filter; the lesson moves oracle (pid 101) at 10 s; sun-1, the interface node, fails at 30 s
  sunnet: {
    run: { seconds: 50, commands: [{ at: 10, cmd: { type: 'sunMigrate', pid: 101 } }] },
    tags: {
      // clients see one host at one address, before and after the node answering for it fails
      'SUN-SSI': [
        { kind: 'message', msgKind: SUN_MSG.packet, from: CLIENT, carries: { packet: SHARED }, min: 20, during: [0, 30] },
        { kind: 'message', msgKind: SUN_MSG.packet, from: CLIENT, carries: { packet: SHARED }, min: 20, during: [35, 50] },
        { kind: 'message', msgKind: SUN_MSG.reply, to: CLIENT, carries: { packet: /^TCP <- 192\.0\.2\.10:80$/ }, during: [35, 50] },
      ],
      // nodes talk by invocations on IDL interfaces
      'SUN-CORBA': [
        { kind: 'message', msgKind: SUN_MSG.forward, from: 'sun-1', carries: { call: /^mcnet::pkt_filter::deliver\(conn=\d+\)$/ } },
        { kind: 'message', msgKind: SUN_MSG.outbound, to: 'sun-1', carries: { call: /^mcnet::pkt_filter::send_out\(conn=\d+\)$/ } },
      ],
      // the filter design: every packet enters at one node, but the work is spread over all of them
      'SUN-NET-OPTIONS': [
        { kind: 'message', msgKind: SUN_MSG.packet, to: /^sun-[234]$/, max: 0, during: [0, 30] },
        { kind: 'state', says: 'the running design is the packet filter', holds: (s) => sun(s).design === 'filter' },
        { kind: 'stat', stat: 'othersUtil', op: '>', value: 0.3, at: 25 },
        { kind: 'stat', stat: 'ifaceUtil', op: '<', value: 0.9, at: 25 },
      ],
      // packets forwarded over the interconnect to each connection's owner; new connections spread; another node takes the address, keeping its connections
      'SUN-NET-FILTER': [
        ...SUNS.slice(1).map((n): Evidence => ({ kind: 'message', msgKind: SUN_MSG.forward, from: 'sun-1', to: n, min: 20, during: [0, 30] })),
        ...SUNS.map((n): Evidence => ({ kind: 'event', type: 'sunConnOpened', node: n, min: 2, during: [0, 30] })),
        { kind: 'event', type: 'sunTakeover', node: /^sun-[234]$/, peer: 'sun-1', during: [30, 40] },
        { kind: 'stat', stat: 'connectionsReset', op: '<=', value: 6 },
      ],
      // a process moves with all its threads, keeping its pid; one on the failed node restarts elsewhere; every node knows where each runs
      'SUN-PROC': [
        { kind: 'event', type: 'sunProcMoved', node: 'sun-2', peer: 'sun-1', fields: { msg: 101, a: 6, b: 0 }, during: [10, 11] },
        { kind: 'event', type: 'sunProcMoved', peer: 'sun-1', fields: { b: 1 }, during: [30, 40] },
        { kind: 'state', says: 'every member knows where each process runs', holds: everyoneKnows },
      ],
    },
  },
  // all protocol processing on sun-1; the load rises at 15 and 30 s
  sunsingle: {
    run: { seconds: 40 },
    tags: {
      'SUN-NET-OPTIONS': [
        { kind: 'message', msgKind: SUN_MSG.packet, to: /^sun-[234]$/, max: 0 },
        { kind: 'stat', stat: 'ifaceUtil', op: '>=', value: 0.95 },
        { kind: 'stat', stat: 'othersUtil', op: '<', value: 0.5 },
        { kind: 'state', says: 'the running design is one node for all the protocol work', holds: (s) => sun(s).design === 'single' },
      ],
    },
  },
  // one address per node; sun-2 fails at 30 s
  sunpernode: {
    run: { seconds: 50 },
    tags: {
      // clients choose among four addresses, nothing is forwarded; sun-2's address moves but its clients lose their requests
      'SUN-NET-OPTIONS': [
        ...[11, 12, 13, 14].map((a): Evidence => ({ kind: 'message', msgKind: SUN_MSG.packet, from: CLIENT, carries: { packet: `TCP -> 192.0.2.${a}:80` }, during: [0, 30] })),
        { kind: 'message', msgKind: SUN_MSG.forward, max: 0 },
        { kind: 'event', type: 'sunAddressMoved', peer: 'sun-2', during: [30, 40] },
        { kind: 'event', type: 'requestFailed', node: CLIENT, during: [30, 50] },
      ],
      // seen from inside it is still one system: sun-2's processes restart elsewhere with their pids, known to every node
      'SUN-SSI': [
        { kind: 'event', type: 'sunProcMoved', peer: 'sun-2', fields: { b: 1 }, during: [30, 40] },
        { kind: 'state', says: 'every member knows where each process runs', holds: everyoneKnows },
      ],
    },
  },
  // every node's own process opens a file every 1.5 s; sun-3 rewrites index.html every 6 s; the lesson turns the caches off at 30 s
  sungfs: {
    run: { seconds: 50, commands: [{ at: 30, cmd: { type: 'sunCaches', on: false } }] },
    tags: {
      // every node works on the same /global tree; the others reach the disk node's file objects through the proxy
      'SUN-GFS': [
        ...SUNS.map((n): Evidence => ({ kind: 'event', type: 'sunFileOp', node: n, min: 3 })),
        ...SUNS.slice(1).map((n): Evidence => ({ kind: 'message', msgKind: SUN_MSG.invoke, from: n, to: 'sun-1', carries: { call: / @ \/global/ } })),
      ],
      // the same operations reach the local UFS and, through PxFS, the global file system
      'SUN-VNODE': [
        { kind: 'state', at: 'ever', says: 'recent operations went through the vnode interface to the local file system and to the PxFS proxy', holds: (s) => ['local', 'remote'].every((via) => sun(s).results.some((r) => r.via === via && r.op === 'read')) },
      ],
      // caches answer operations without invoking the disk node, until a write invalidates them; without caches, never
      'SUN-CACHE': [
        { kind: 'event', type: 'sunFileOp', node: /^sun-[234]$/, fields: { b: [1, 1_000] }, min: 10, during: [0, 30] },
        { kind: 'event', type: 'sunFileOp', fields: { b: [1, 1_000] }, max: 0, during: [31, 50] },
        { kind: 'message', msgKind: SUN_MSG.invalidate, from: 'sun-1', to: /^sun-[234]$/, carries: { call: /^pxfs::cache::invalidate\(fid=3\)/ } },
        { kind: 'stat', stat: 'cacheHits', op: '>', value: 40, at: 30 },
      ],
      'SUN-CORBA': [
        { kind: 'message', msgKind: SUN_MSG.invoke, to: 'sun-1', carries: { interface: /^pxfs::(dir|file)$/ } },
        { kind: 'message', msgKind: SUN_MSG.result, from: 'sun-1', carries: { call: /^return pxfs::/ } },
      ],
      // a file written on sun-3 is read at its new version from the other nodes
      'SUN-SSI': [
        { kind: 'event', type: 'sunFileOp', node: 'sun-2', fields: { c: [2, 1_000] } },
        { kind: 'event', type: 'sunFileOp', node: 'sun-4', fields: { c: [2, 1_000] } },
      ],
    },
  },
};
