import type { BalancerSnapshot } from './balancer/spec';
import type { ClusterSnapshot } from './cluster/snapshot';
import type { ParallelSnapshot } from './parallel/snapshot';
import type { SsiSnapshot } from './ssi/ssiModel';
import type { SunSnapshot } from './suncluster/snapshot';

/** A lab whose snapshot has no declared type yet: the UI still reads it through its own (issue 16 moves each here). */
type Untyped = Record<string, unknown>;

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
  messaging: Untyped;
  suncluster: SunSnapshot;
  ssi: SsiSnapshot;
  clientserver: Untyped;
}
