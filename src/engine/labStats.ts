import type { BalancerModel } from './balancer/balancerModel';
import type { TransactionModel } from './clientserver/transactions';
import type { ClusterModel } from './cluster/clusterModel';
import type { MessagingModel } from './messaging/messagingModel';
import type { ParallelModel } from './parallel/parallelModel';
import type { SsiModel } from './ssi/ssiModel';
import type { SunClusterModel } from './suncluster/sunModel';

/** The kernel's own figures, in every run. */
export interface KernelStats {
  messagesDelivered: number;
  messagesDropped: number;
}

/**
 * Every figure a run can report, by name: the kernel's and each lab's, as
 * its model's stats() returns them. A frame carries those of the run's
 * models (WorldView.stats); the panels and the lessons' goals name figures
 * through this type, so a misspelt or removed figure is a type error.
 */
export type LabStats = KernelStats &
  ReturnType<TransactionModel['stats']> &
  ReturnType<ClusterModel['stats']> &
  ReturnType<BalancerModel['stats']> &
  ReturnType<ParallelModel['stats']> &
  ReturnType<SsiModel['stats']> &
  ReturnType<SunClusterModel['stats']> &
  ReturnType<MessagingModel['stats']>;

export type StatName = keyof LabStats;
