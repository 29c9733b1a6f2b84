import type { LabEngine } from '../../../engine/labEngine';
import { ClusterModel } from './clusterModel';

/** The Windows cluster: membership, quorum, arbitration, failover manager, and the data under HA/FT. */
export const clusterLab = {
  create: (world) => (world.cluster ? new ClusterModel(structuredClone(world.cluster)) : undefined),
} satisfies LabEngine<ClusterModel>;
