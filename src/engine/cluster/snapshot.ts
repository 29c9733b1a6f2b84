import type { ClusterModel } from './clusterModel';
import { RESOURCE_STATES } from './spec';
import { totalVotes, votesOf } from './votes';

const STATUS = { up: 0, out: 1, down: 2 } as const;

/**
 * The cluster's state for the panels (plain data; node fields are network
 * node indices). The votes are those of the newest view a running node has.
 */
export function clusterSnapshot(c: ClusterModel): Record<string, unknown> {
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
      blocked: replica.blocked[gi],
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
