/**
 * The labs' scenario parts (src/labs/<lab>/scenario/presets.ts), by lab, in
 * the order a course meets them; keyed by the engine registry's names
 * (engine/labs.ts), so a lab without its line here is a type error. The
 * presets, their worlds, the picker's groups, the node ceilings and the
 * compare variants are all built from this table.
 */
import type { LabId } from '../engine/labs';
import { balancerScenario } from '../labs/balancer/scenario/presets';
import { clientServerScenario } from '../labs/clientserver/scenario/presets';
import { clusterScenario } from '../labs/cluster/scenario/presets';
import { messagingScenario } from '../labs/messaging/scenario/presets';
import { parallelScenario } from '../labs/parallel/scenario/presets';
import { ssiScenario } from '../labs/ssi/scenario/presets';
import { sunClusterScenario } from '../labs/suncluster/scenario/presets';
import type { LabScenario } from './labScenario';

export const LAB_SCENARIOS = {
  clientserver: clientServerScenario,
  messaging: messagingScenario,
  cluster: clusterScenario,
  balancer: balancerScenario,
  parallel: parallelScenario,
  ssi: ssiScenario,
  suncluster: sunClusterScenario,
} as const satisfies Record<LabId, LabScenario>;

type Scenarios = typeof LAB_SCENARIOS;
/** A preset's name, from every lab's presets. */
export type PresetName = { [K in LabId]: Extract<keyof Scenarios[K]['presets'], string> }[LabId];
/** A picker group's name (a text `lab.<group>`). */
export type LabName = Scenarios[LabId]['picker'];

/** The presets by picker group, in the order a course meets them; the picker shows one group per entry. */
export const LABS = Object.values(LAB_SCENARIOS).reduce(
  (out, lab) => ((out[lab.picker] = [...(out[lab.picker] ?? []), ...(Object.keys(lab.presets) as PresetName[])]), out),
  {} as Record<LabName, readonly PresetName[]>,
);

/** Which lab each preset belongs to. */
export const PRESET_LAB = Object.fromEntries(
  Object.entries(LAB_SCENARIOS).flatMap(([lab, s]) => Object.keys(s.presets).map((p) => [p, lab])),
) as Record<PresetName, LabId>;
