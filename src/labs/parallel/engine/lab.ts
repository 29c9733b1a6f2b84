import type { LabEngine } from '../../../engine/labEngine';
import { ParallelModel } from './parallelModel';

/** Beowulf: the head node, jobs, checkpoints, migration, bonding, the SMP beside it. */
export const parallelLab = {
  create: (world) => (world.parallel ? new ParallelModel(structuredClone(world.parallel)) : undefined),
} satisfies LabEngine<ParallelModel>;
