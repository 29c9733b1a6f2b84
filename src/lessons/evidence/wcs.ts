/** Evidence of the Windows cluster presets (src/labs/cluster/engine): membership, arbitration, the failover manager, GUM and the data configurations. */
import { CL_DATA_MSG, CL_MSG, RESOURCE_STATES } from '../../protocol';
import type { Evidence, LabEvidence, Sample } from './types';

/** Groups and resources as the trace numbers them (their order in the world: clusterWorld, standardGroup). */
const SQL = 0;
const FILES = 1;
const RESOURCES = { disk: 0, ip: 1, name: 2, service: 3 } as const;
const ONLINE = RESOURCE_STATES.indexOf('online');
const NODES = ['node-1', 'node-2', 'node-3', 'node-4'];
const CLIENT = /^client-/;

// the Windows cluster presets always run the cluster model
const snap = (s: Sample) => s.models.cluster!;

/** Members in service all hold the same configuration version and the same owners. */
function oneConfiguration(s: Sample, members: number): boolean {
  const c = snap(s);
  const live = c.nodes.map((_, m) => m).filter((m) => c.inService[m]);
  const first = live[0];
  return live.length === members && first !== undefined && live.every((m) => c.configSeq[m] === c.configSeq[first] && c.owners[m]!.join() === c.owners[first]!.join());
}

/** Each group's disk is reserved by the node where the group is online, and by no other. */
function disksWithOwners(s: Sample): boolean {
  const c = snap(s);
  return c.groups.every((g) => {
    const on = g.states.flatMap((rs, m) => (rs.every((x) => x === ONLINE) ? [c.nodes[m]!] : []));
    return on.length === 1 && g.disk === on[0];
  });
}

/** All four resources of a group came online on a node. */
const allResourcesOnline = (group: number, node: string, during?: [number, number]): Evidence[] =>
  Object.values(RESOURCES).map((r): Evidence => ({ kind: 'event', type: 'resourceStateChanged', node, fields: { msg: group, a: r, b: ONLINE }, during }));

/** The two-node data presets: node-1 fails at 40 s and is repaired at 100 s (scenario.ts); sql fails over to node-2. */
const DATA_RUN = { seconds: 110 };
const failsOverToNode2: Evidence[] = [
  { kind: 'event', type: 'groupFailover', node: 'node-2', peer: 'node-1', fields: { msg: SQL } },
  { kind: 'groupOnline', group: 'sql', node: 'node-2', at: 95 },
];
/** Active/active: each node runs a group before the failure; node-2 takes the failed node's disk. */
const activeActive: Evidence[] = [
  { kind: 'groupOnline', group: 'sql', node: 'node-1', at: 30 },
  { kind: 'groupOnline', group: 'files', node: 'node-2', at: 30 },
  { kind: 'event', type: 'diskReserved', node: 'node-2', fields: { msg: SQL }, during: [40, 110] },
];

export const WCS_EVIDENCE: LabEvidence<'cluster' | 'failback' | 'splitbrain' | 'ha' | 'ft' | 'separate' | 'shared' | 'passive'> = {
  // the wcs lesson's steps: a resource fault at 15 s, node-1 crashes at 30 s, failback set to immediate, node-1 back at 80 s
  cluster: {
    run: {
      seconds: 140,
      commands: [
        { at: 15, cmd: { type: 'failResource', group: 'files', resource: 'files-svc' } },
        { at: 30, cmd: { type: 'crashNode', node: 'node-1' } },
        { at: 31, cmd: { type: 'setFailback', group: 'sql', policy: 'immediate' } },
        { at: 80, cmd: { type: 'restartNode', node: 'node-1' } },
      ],
    },
    tags: {
      // every node's cluster service heartbeats, and the survivors each commit the new membership
      'WCS-SERVICE': [
        ...NODES.map((n): Evidence => ({ kind: 'message', msgKind: CL_MSG.heartbeat, from: n, min: 10 })),
        ...NODES.slice(1).map((n): Evidence => ({ kind: 'event', type: 'membershipChanged', node: n, fields: { a: 3 }, during: [30, 80] })),
      ],
      // the global update manager sends each change to every member, which applies it
      'WCS-EVENTS': [
        { kind: 'message', msgKind: CL_MSG.gumUpdate, min: 2 },
        { kind: 'message', msgKind: CL_MSG.gumAck, min: 2 },
        ...NODES.slice(1).map((n): Evidence => ({ kind: 'event', type: 'configUpdated', node: n, fields: { msg: SQL }, during: [30, 80] })),
      ],
      // node-1's heartbeats stop, its routes go down, a regroup removes it, its group moves
      'WCS-NODEMGR': [
        { kind: 'event', type: 'heartbeatMissed', peer: 'node-1', during: [30, 50] },
        { kind: 'event', type: 'routeDown', peer: 'node-1', min: 2, during: [30, 50] },
        { kind: 'event', type: 'regroupStarted', during: [30, 50] },
        { kind: 'message', msgKind: CL_MSG.regroup, during: [30, 50] },
        { kind: 'event', type: 'groupFailover', peer: 'node-1', fields: { msg: SQL }, during: [30, 80] },
      ],
      // moving the group moved every one of its resources
      'WCS-GROUP': [...allResourcesOnline(SQL, 'node-2', [30, 80]), { kind: 'groupOnline', group: 'sql', node: 'node-2', at: 75 }],
      // disk, IP address, network name and service each come online; the disk is reserved on the bus
      'WCS-RESOURCE': [...allResourcesOnline(SQL, 'node-1', [0, 15]), { kind: 'event', type: 'diskReserved', node: 'node-1', fields: { msg: SQL }, during: [0, 15] }],
      // online where it serves: clients are answered by node-1, later by node-2
      'WCS-ONLINE': [
        { kind: 'groupOnline', group: 'sql', node: 'node-1', at: 15 },
        { kind: 'message', msgKind: CL_MSG.reply, from: 'node-1', to: CLIENT, during: [0, 30] },
        { kind: 'message', msgKind: CL_MSG.reply, from: 'node-2', to: CLIENT, during: [60, 80] },
      ],
      // the failover manager fails the group over, and later back
      'WCS-FAILOVER-MGR': [
        { kind: 'event', type: 'groupFailover', node: 'node-2', peer: 'node-1', fields: { msg: SQL } },
        { kind: 'event', type: 'groupMoved', fields: { msg: SQL } },
        { kind: 'event', type: 'groupFailback', node: 'node-1', fields: { msg: SQL } },
      ],
      // after node-1 restarts, sql moves back to its preferred owner
      'WCS-PREFERRED': [
        { kind: 'event', type: 'groupFailback', node: 'node-1', peer: 'node-2', fields: { msg: SQL }, during: [80, 140] },
        { kind: 'groupOnline', group: 'sql', node: 'node-1' },
        { kind: 'groupOnline', group: 'files', node: 'node-2' },
      ],
      // the configuration is replicated: the survivors apply each update and agree; the returning node catches up
      'WCS-CONFIGDB': [
        ...NODES.slice(1).map((n): Evidence => ({ kind: 'event', type: 'configUpdated', node: n, during: [30, 80] })),
        { kind: 'state', says: 'the three survivors hold one configuration', at: 75, holds: (s) => oneConfiguration(s, 3) },
        { kind: 'state', says: 'all four nodes hold one configuration after node-1 is back', holds: (s) => oneConfiguration(s, 4) },
      ],
      // the resource monitor notices the failed service and restarts it where it is
      'WCS-RESMON': [
        { kind: 'event', type: 'resourceFailed', node: 'node-2', fields: { msg: FILES, a: RESOURCES.service }, during: [15, 30] },
        { kind: 'event', type: 'resourceRestarted', node: 'node-2', fields: { msg: FILES, a: RESOURCES.service }, during: [15, 30] },
        { kind: 'groupOnline', group: 'files', node: 'node-2', at: 30 },
      ],
      // each disk is reserved by one node; node-2 must challenge for the dead node's disk
      'WCS-SHARED-NOTHING': [
        { kind: 'event', type: 'diskChallenged', node: 'node-2', fields: { msg: SQL }, during: [30, 80] },
        { kind: 'event', type: 'diskReserved', node: 'node-2', fields: { msg: SQL, a: 1 }, during: [30, 80] },
        { kind: 'state', says: 'each group’s disk is held by the node it is online on', at: 75, holds: disksWithOwners },
        { kind: 'stat', stat: 'invariantViolations', op: '<=', value: 0 },
      ],
      'CL-FAILOVER': [
        { kind: 'event', type: 'groupFailover', node: 'node-2', peer: 'node-1', fields: { msg: SQL }, during: [30, 80] },
        { kind: 'groupOnline', group: 'sql', node: 'node-2', at: 70 },
        { kind: 'stat', stat: 'failoverMaxUs', op: '>', value: 0 },
      ],
      // the service goes on after the crash, after a bounded outage
      'CL-HA': [
        { kind: 'message', msgKind: CL_MSG.reply, to: CLIENT, min: 20, during: [65, 80] },
        { kind: 'stat', stat: 'availability', op: '>', value: 0.8 },
        { kind: 'stat', stat: 'failoversLate', op: '<=', value: 0 },
      ],
    },
  },
  // node-1 fails at 40 s, is repaired at 100 s, fails again at 140 s, ... with automatic failback
  failback: {
    run: { seconds: 250 },
    tags: {
      // the group goes back each time node-1 returns, and fails over again when the fault comes back
      'CL-FAILBACK': [
        { kind: 'event', type: 'groupFailback', node: 'node-1', fields: { msg: SQL }, min: 2 },
        { kind: 'event', type: 'groupFailover', peer: 'node-1', fields: { msg: SQL }, min: 3 },
        { kind: 'stat', stat: 'downtimeUs', op: '>', value: 30_000_000 },
      ],
      'WCS-PREFERRED': [
        { kind: 'event', type: 'groupFailback', node: 'node-1', peer: 'node-2', fields: { msg: SQL }, during: [100, 140] },
        { kind: 'groupOnline', group: 'sql', node: 'node-1', at: 135 },
      ],
    },
  },
  // quorum off; both links between the sites are cut at 30 s
  splitbrain: {
    run: { seconds: 60 },
    tags: {
      // each half loses the other's heartbeats and regroups into a two-node membership
      'WCS-NODEMGR': [
        { kind: 'event', type: 'routeDown', node: 'node-1', peer: 'node-3', during: [30, 60] },
        { kind: 'event', type: 'regroupStarted', during: [30, 60] },
        { kind: 'event', type: 'membershipChanged', node: 'node-1', fields: { a: 2 }, during: [30, 60] },
        { kind: 'event', type: 'membershipChanged', node: 'node-3', fields: { a: 2 }, during: [30, 60] },
      ],
      // high availability without quorum: service never stops, but both halves run the same group
      'CL-HA': [
        { kind: 'message', msgKind: CL_MSG.reply, to: CLIENT, min: 20, during: [45, 60] },
        { kind: 'stat', stat: 'availability', op: '>=', value: 0.99 },
        { kind: 'event', type: 'invariantViolated', during: [30, 60] },
      ],
    },
  },
  // high availability: a transaction caught by the failure is left half done
  ha: {
    run: DATA_RUN,
    tags: {
      'CL-HA-VS-FT': [
        { kind: 'stat', stat: 'txHalfDone', op: '>', value: 0 },
        { kind: 'stat', stat: 'txRolledBack', op: '<=', value: 0 },
        { kind: 'event', type: 'transactionsSettled', node: 'node-2', during: [40, 110] },
      ],
      'CL-HA': [
        { kind: 'message', msgKind: CL_MSG.reply, from: 'node-2', to: CLIENT, min: 20, during: [80, 100] },
        { kind: 'stat', stat: 'availability', op: '>', value: 0.8 },
      ],
      'CL-CONFIG': activeActive,
      'CL-FAILOVER': failsOverToNode2,
    },
  },
  // fault tolerance: the same failure rolls those transactions back
  ft: {
    run: DATA_RUN,
    tags: {
      'CL-HA-VS-FT': [
        { kind: 'stat', stat: 'txRolledBack', op: '>', value: 0 },
        { kind: 'stat', stat: 'txHalfDone', op: '<=', value: 0 },
        { kind: 'event', type: 'transactionsSettled', node: 'node-2', during: [40, 110] },
      ],
      'CL-CONFIG': activeActive,
    },
  },
  // separate servers copy their commits to each other; what was not yet copied is lost
  separate: {
    run: DATA_RUN,
    tags: {
      'CL-CONFIG': [
        { kind: 'message', msgKind: CL_DATA_MSG.copy, from: 'node-1', to: 'node-2', during: [0, 40] },
        { kind: 'message', msgKind: CL_DATA_MSG.copyAck, from: 'node-2', to: 'node-1', during: [0, 40] },
        { kind: 'stat', stat: 'copyBytes', op: '>', value: 0, at: 40 },
        { kind: 'stat', stat: 'commitsLost', op: '>', value: 0 },
        { kind: 'event', type: 'diskReserved', max: 0 },
      ],
    },
  },
  // shared disks: every write takes a lock from the lock manager
  shared: {
    run: DATA_RUN,
    tags: {
      'CL-CONFIG': [
        { kind: 'message', msgKind: CL_DATA_MSG.lock, from: 'node-1', to: 'node-2', min: 20, during: [0, 40] },
        { kind: 'message', msgKind: CL_DATA_MSG.lockGrant, from: 'node-2', to: 'node-1', min: 20, during: [0, 40] },
        { kind: 'stat', stat: 'lockMessages', op: '>', value: 50 },
        { kind: 'event', type: 'diskChallenged', max: 0 },
        { kind: 'groupOnline', group: 'sql', node: 'node-2', at: 95 },
      ],
    },
  },
  // a passive standby: node-2 runs nothing until node-1 fails
  passive: {
    run: DATA_RUN,
    tags: {
      'CL-CONFIG': [
        { kind: 'groupOnline', group: 'sql', node: 'node-1', at: 30 },
        { kind: 'groupOnline', group: 'files', node: 'node-1', at: 30 },
        { kind: 'message', msgKind: CL_MSG.reply, from: 'node-2', max: 0, during: [0, 40] },
      ],
      'CL-FAILOVER': [...failsOverToNode2, { kind: 'groupOnline', group: 'files', node: 'node-2', at: 95 }],
    },
  },
};
