/**
 * The registry of labs: one line per lab (src/labs/<lab>/), keyed by its
 * model's name. Everything central the engine knows about labs is built from
 * it: which models a world runs (createSimulation), the message kinds
 * (messageKinds.ts), the snapshot and stats types (labSnapshots.ts,
 * labStats.ts). The page's side keys its tables by the same names (LabId):
 * a lab missing from one of them is a type error (CONTRIBUTING "Add a lab").
 *
 * The order is the order models run in a world with several (their index in
 * the simulation, hence part of every trace): new labs go at the end.
 */
import { balancerLab } from '../labs/balancer/engine/lab';
import { clientServerLab } from '../labs/clientserver/engine/lab';
import { clusterLab } from '../labs/cluster/engine/lab';
import { messagingLab } from '../labs/messaging/engine/lab';
import { parallelLab } from '../labs/parallel/engine/lab';
import { ssiLab } from '../labs/ssi/engine/lab';
import { sunClusterLab } from '../labs/suncluster/engine/lab';

export const LAB_ENGINES = {
  clientserver: clientServerLab,
  cluster: clusterLab,
  balancer: balancerLab,
  parallel: parallelLab,
  ssi: ssiLab,
  suncluster: sunClusterLab,
  messaging: messagingLab,
} as const;

/** A lab's name: its model's name (Model.name), the key of its snapshot and of its tables on the page. */
export type LabId = keyof typeof LAB_ENGINES;
export const LAB_IDS = Object.keys(LAB_ENGINES) as LabId[];

/** The model class of lab K. */
export type LabModel<K extends LabId> = NonNullable<ReturnType<(typeof LAB_ENGINES)[K]['create']>>;

/** A union of object types as their intersection (for merging every lab's records into one type). */
export type Merged<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
