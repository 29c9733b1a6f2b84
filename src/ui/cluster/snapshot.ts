import type { FailbackPolicy } from '../../protocol';
import { useLab } from '../../store/labStore';

/** The failover bound, part by part (µs), as the engine's FailoverClock computes it. */
export interface BoundView {
  detection: number;
  regroup: number;
  witness: number;
  arbitration: number;
  online: number;
  slack: number;
  total: number;
}

/** One group as the cluster snapshot gives it. */
export interface GroupView {
  id: string;
  label: string;
  failback: FailbackPolicy;
  window: [number, number];
  preferred: string[];
  resources: { id: string; type: string }[];
  states: number[][];
  blocked: boolean;
  failovers: number;
  /** Network index of the node holding its disk's reservation, -1 when none (or disks are not reserved). */
  disk: number;
  bound: BoundView;
}

/** The cluster model's state as its snapshot gives it (network node indices). */
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
  mode: 'ha' | 'ft';
  storage: 'disk' | 'shared' | 'copy';
  txSteps: number;
  lastFailoverUs: number[];
  witnessKind: 'none' | 'disk' | 'share';
  /** Network index of the witness's holder, -1 when none. */
  witness: number;
}

/** The cluster snapshot of the frame on screen, if the run has a Windows cluster. */
export function useClusterSnapshot(): ClusterSnapshot | undefined {
  return useLab((s) => s.panelView?.models.cluster as ClusterSnapshot | undefined);
}
