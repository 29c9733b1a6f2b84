import type { ClusterModel } from './clusterModel';
import type { FailoverBound } from './failoverClock';
import { RESOURCE_STATES, type ClusterSpec, type FailbackPolicy, type ResourceType } from './spec';
import { totalVotes, votesOf } from './votes';

/** One group as the panels see it. */
export interface GroupView {
  id: string;
  label: string;
  failback: FailbackPolicy;
  window: [number, number];
  preferred: string[];
  resources: { id: string; type: ResourceType }[];
  /** Per node, per resource: its index in RESOURCE_STATES. */
  states: number[][];
  blocked: boolean;
  failovers: number;
  /** Network index of the node holding its disk's reservation, -1 when none (or disks are not reserved). */
  disk: number;
  /** The failover bound, part by part (µs), as the failover clock computes it. */
  bound: FailoverBound;
}

/** The cluster model's state for the panels (node fields are network node indices). */
export interface ClusterSnapshot {
  nodes: number[];
  groups: GroupView[];
  views: number[][];
  inService: boolean[];
  /** 0 running, 1 alive but out of the cluster, 2 crashed. */
  status: number[];
  owners: number[][];
  configSeq: number[];
  ballots: number[];
  votes: number[];
  witnessVote: number;
  votesHeld: number;
  votesTotal: number;
  quorum: boolean;
  dynamic: boolean;
  failoverThreshold: number;
  violating: number[];
  mode: ClusterSpec['mode'];
  storage: ClusterSpec['storage'];
  txSteps: number;
  lastFailoverUs: number[];
  witnessKind: ClusterSpec['witness'];
  /** Network index of the witness's holder, -1 when none. */
  witness: number;
}

const STATUS = { up: 0, out: 1, down: 2 } as const;

/**
 * The cluster's state for the panels (plain data; node fields are network
 * node indices). The votes are those of the newest view a running node has.
 */
export function clusterSnapshot(c: ClusterModel): ClusterSnapshot {
  const st = c.members.state;
  const net = (m: number) => (m < 0 ? -1 : c.nodes[m]!);
  let newest = -1;
  st.forEach((s, m) => {
    if (s.status === 'up' && (newest < 0 || s.committed.ballot > st[newest]!.committed.ballot)) newest = m;
  });
  const view = newest >= 0 ? st[newest]!.committed : st[0]!.committed;
  const replica = newest >= 0 ? st[newest]!.replica : st[0]!.replica;
  const n = c.nodes.length;
  const running = c.nodes.map((_, m) => m).filter((m) => c.members.inService(m) && view.members.includes(m));
  const witnessHeld = c.witness.kind !== 'none' && running.includes(c.witness.res.holder);
  return {
    nodes: c.nodes,
    groups: c.spec.groups.map((g, gi) => ({
      id: g.id,
      label: g.label,
      failback: g.failback,
      window: g.failbackWindow,
      preferred: g.preferredOwners,
      resources: g.resources.map((r) => ({ id: r.id, type: r.type })),
      states: c.nodes.map((_, m) => c.table.state[m]![gi]!.map((s) => RESOURCE_STATES.indexOf(s))),
      blocked: replica.blocked[gi] ?? false,
      failovers: replica.failovers[gi]!.length,
      disk: c.arbiter.reserves() ? net(c.arbiter.disks[gi]!.holder) : -1,
      bound: c.clock.bound(gi),
    })),
    views: st.map((s) => (s.status === 'up' ? s.committed.members.map(net) : [])),
    inService: c.nodes.map((_, m) => c.members.inService(m)),
    status: st.map((s) => STATUS[s.status]),
    owners: st.map((s) => s.replica.owner.map(net)),
    configSeq: st.map((s) => s.replica.seq),
    ballots: st.map((s) => s.committed.ballot),
    votes: view.votes.slice(0, n),
    witnessVote: view.votes[n] ?? 0,
    votesHeld: votesOf(view.votes, running, witnessHeld),
    votesTotal: totalVotes(view.votes),
    quorum: c.spec.quorum,
    dynamic: c.spec.dynamicQuorum,
    failoverThreshold: c.leader.threshold(),
    mode: c.spec.mode,
    lastFailoverUs: c.spec.groups.map((_, g) => c.clock.lastUs[g] ?? -1),
    witnessKind: c.spec.witness,
    witness: c.witness.kind === 'none' ? -1 : net(c.witness.res.holder),
    storage: c.spec.storage,
    txSteps: c.spec.txSteps,
    violating: c.splitNow,
  };
}
