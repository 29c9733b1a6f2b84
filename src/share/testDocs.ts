// Test helper (not part of the app): share documents of real runs.
import { applyLogged, type LoggedCommand } from '../engine/replay';
import { createSimulation } from '../engine/createSimulation';
import type { EngineCommand } from '../protocol';
import { buildWorld, presetScenario, type PresetName } from '../scenario/scenario';
import { SHARE_VERSION, type ShareDoc } from './document';

/** A run of a preset with a fault and a repair given along the way, as the page would log them. */
export function liveDoc(preset: PresetName, lang: 'es' | 'en' = 'en'): { doc: ShareDoc; hash: string } {
  const scenario = presetScenario(preset, 11);
  const world = buildWorld(scenario);
  const sim = createSimulation(world, scenario.seed);
  const server = (world.nodes.find((n) => n.kind !== 'client' && n.kind !== 'switch') ?? world.nodes[0]!).id;
  const plan: [number, EngineCommand][] = [
    [2_000_000, { type: 'crashNode', node: server }],
    [2_000_000, { type: 'addClient' }],
    [7_000_000, { type: 'restartNode', node: server }],
    [9_000_000, { type: 'setLink', link: world.links[0]!.id, latencyUs: 5000 }],
  ];
  const log: LoggedCommand[] = [];
  for (const [t, cmd] of plan) {
    sim.runUntil(t);
    const r = applyLogged(sim, cmd);
    if ('entry' in r) log.push(r.entry);
  }
  sim.runUntil(12_345_678);
  const doc: ShareDoc = { version: SHARE_VERSION, scenario, log, cursorEvent: sim.eventsProcessed, cursorUs: sim.nowUs, lang };
  return { doc, hash: sim.trace.hash() };
}
