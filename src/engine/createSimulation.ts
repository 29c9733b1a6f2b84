import { BalancerModel } from './balancer/balancerModel';
import { ParallelModel } from './parallel/parallelModel';
import { SsiModel } from './ssi/ssiModel';
import { SunClusterModel } from './suncluster/sunModel';
import { ClusterModel } from './cluster/clusterModel';
import { TransactionModel } from './clientserver/transactions';
import { MessagingModel } from './messaging/messagingModel';
import type { Model } from './model';
import { Simulation } from './sim';
import type { WorldSpec } from './types';

/**
 * A simulation of a world with the models its description asks for. Each
 * model gets its own copy of its settings, since commands change them.
 */
export function createSimulation(world: WorldSpec, seed: number): Simulation {
  const models: Model[] = [];
  if (world.workload) models.push(new TransactionModel({ ...world.workload }));
  if (world.cluster) models.push(new ClusterModel(structuredClone(world.cluster)));
  if (world.balancer) models.push(new BalancerModel(structuredClone(world.balancer)));
  if (world.parallel) models.push(new ParallelModel(structuredClone(world.parallel)));
  if (world.ssi) models.push(new SsiModel(structuredClone(world.ssi)));
  if (world.suncluster) models.push(new SunClusterModel(structuredClone(world.suncluster)));
  if (world.messaging) models.push(new MessagingModel(structuredClone(world.messaging)));
  return new Simulation(world, seed, models);
}
