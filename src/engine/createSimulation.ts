import type { LabEngine } from './labEngine';
import { LAB_ENGINES } from './labs';
import type { Model } from './model';
import { Simulation } from './sim';
import type { WorldSpec } from './types';

/**
 * A simulation of a world with the models its description asks for, in the
 * registry's order (labs.ts). Each model gets its own copy of its settings,
 * since commands change them. (`labs` is the registry; a test passes its own
 * with a fixture lab added.)
 */
export function createSimulation(world: WorldSpec, seed: number, labs: Readonly<Record<string, LabEngine>> = LAB_ENGINES): Simulation {
  const models: Model[] = [];
  for (const lab of Object.values(labs)) {
    const model = lab.create(world);
    if (model) models.push(model);
  }
  return new Simulation(world, seed, models);
}
