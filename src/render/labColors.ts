/**
 * Message colours by kind name, gathered from each lab's render/colors.ts
 * (keyed by the engine registry's names: a lab without its line is a type
 * error, and so is a kind no lab gives a colour). From the Okabe–Ito
 * colour-blind-safe set, darkened where needed to keep 3:1 on the panel.
 */
import type { LabId, MessageKindName } from '../protocol';
import { balancerColors } from '../labs/balancer/render/colors';
import { clientServerColors } from '../labs/clientserver/render/colors';
import { clusterColors } from '../labs/cluster/render/colors';
import { messagingColors } from '../labs/messaging/render/colors';
import { parallelColors } from '../labs/parallel/render/colors';
import { sunClusterColors } from '../labs/suncluster/render/colors';

/** The colours of the kinds of families F (a lab's message families, like 'cl' | 'cldata'). */
export type FamilyColors<F extends string> = Record<Extract<MessageKindName, `${F}.${string}`>, string>;

const LAB_COLORS = {
  clientserver: clientServerColors,
  cluster: clusterColors,
  balancer: balancerColors,
  parallel: parallelColors,
  suncluster: sunClusterColors,
  messaging: messagingColors,
  ssi: {},
} satisfies Record<LabId, Partial<Record<MessageKindName, string>>>;

type Given = { [K in LabId]: keyof (typeof LAB_COLORS)[K] }[LabId];
/** The kinds no lab gives a colour: must be none (a type error otherwise, at MESSAGE_COLOR below). */
type Uncoloured = Exclude<MessageKindName, Given>;

// a type error naming the kinds when some have no colour
const everyKindColoured: [Uncoloured] extends [never] ? true : Uncoloured = true;

export const MESSAGE_COLOR: Record<MessageKindName, string> = everyKindColoured && Object.assign({}, ...Object.values(LAB_COLORS));
