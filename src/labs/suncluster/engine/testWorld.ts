/** The Sun Cluster tests' common start: a world, its model, and a way to apply commands that must be accepted. */
import { expect } from 'vitest';
import { applyCommand, type EngineCommand } from '../../../engine/commands';
import { createSimulation } from '../../../engine/createSimulation';
import type { SunClusterModel } from './sunModel';
import { sunWorld, type SunOptions } from './world';

export const SEC = 1_000_000;

export function sunTestWorld(o: SunOptions = {}, seed = 1) {
  const sim = createSimulation(sunWorld(o), seed);
  const model = sim.models.find((m) => m.name === 'suncluster') as SunClusterModel;
  const cmd = (c: EngineCommand) => expect(applyCommand(sim, c)).toBeNull();
  const idx = (id: string) => sim.net.node(id)!.index;
  return { sim, model, cmd, idx };
}
