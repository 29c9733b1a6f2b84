import type { LabEngine } from '../../../engine/labEngine';
import { SunClusterModel } from './sunModel';

/** Sun Cluster: the three networking designs, the global file system, global processes. */
export const sunClusterLab = {
  create: (world) => (world.suncluster ? new SunClusterModel(structuredClone(world.suncluster)) : undefined),
} satisfies LabEngine<SunClusterModel>;
