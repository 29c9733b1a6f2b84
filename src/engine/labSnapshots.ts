import type { BalancerSnapshot } from './balancer/spec';
import type { ClientServerSnapshot } from './clientserver/transactions';
import type { ClusterSnapshot } from './cluster/snapshot';
import type { MpSnapshot } from './messaging/snapshotTypes';
import type { ParallelSnapshot } from './parallel/snapshot';
import type { SsiSnapshot } from './ssi/ssiModel';
import type { SunSnapshot } from './suncluster/snapshot';

/**
 * What each model's snapshot() gives the panels, by model name (Model.name).
 * The UI reads a lab's state through these types, which its model's
 * snapshot() must return: a field the panels read but the model no longer
 * gives is a type error, not an `undefined` on screen.
 */
export interface LabSnapshots {
  cluster: ClusterSnapshot;
  balancer: BalancerSnapshot;
  parallel: ParallelSnapshot;
  messaging: MpSnapshot;
  suncluster: SunSnapshot;
  ssi: SsiSnapshot;
  clientserver: ClientServerSnapshot;
}
