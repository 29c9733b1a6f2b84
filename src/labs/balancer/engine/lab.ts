import type { LabEngine } from '../../../engine/labEngine';
import { BalancerModel } from './balancerModel';

/** The load balancer: dispatcher, health checks, VRRP pair, scale-out. */
export const balancerLab = {
  create: (world) => (world.balancer ? new BalancerModel(structuredClone(world.balancer)) : undefined),
} satisfies LabEngine<BalancerModel>;
