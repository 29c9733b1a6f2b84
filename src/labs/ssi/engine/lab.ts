import type { LabEngine } from '../../../engine/labEngine';
import { SsiModel } from './ssiModel';

/** Single-system image; its services reuse the balancer's and the cluster's message kinds, so it has no family of its own. */
export const ssiLab = {
  create: (world) => (world.ssi ? new SsiModel(structuredClone(world.ssi)) : undefined),
} satisfies LabEngine<SsiModel>;
