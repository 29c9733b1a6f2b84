/**
 * Every lab's message kinds, by lab and by a short family prefix. Kept apart
 * from the registry of models (labs.ts) but keyed by the same names, so a lab
 * without its line here is a type error: the page reads this table (colours,
 * legend, texts) and must not load the models.
 *
 * A kind travels as its number (in messages, the trace and its hash, share
 * links), so the numbers stay as they are; the UI names a kind `family.key`
 * (its colour in the lab's render/colors.ts, its text `msg.family.key` in
 * both catalogues), never by its position in a list.
 */
import { BL_MSG } from '../labs/balancer/engine/spec';
import { CS_MSG } from '../labs/clientserver/engine/costModel';
import { CL_DATA_MSG, CL_MSG } from '../labs/cluster/engine/spec';
import { MP_MSG } from '../labs/messaging/engine/spec';
import { PAR_MSG } from '../labs/parallel/engine/spec';
import { SSI_MSG } from '../labs/ssi/engine/ssiModel';
import { SUN_MSG } from '../labs/suncluster/engine/spec';
import type { LabId, Merged } from './labs';

type Kinds = Readonly<Record<string, number>>;
interface LabMessages {
  /** The lab's own kinds, by family. */
  families: Readonly<Record<string, Kinds>>;
  /** Kinds of other labs its model sends too (for the legend of a run). */
  reuses?: Kinds;
}

export const LAB_MESSAGES = {
  clientserver: { families: { cs: CS_MSG } },
  cluster: { families: { cl: CL_MSG, cldata: CL_DATA_MSG } },
  balancer: { families: { lb: BL_MSG } },
  parallel: { families: { par: PAR_MSG } },
  // the SSI services speak the balancer's and the cluster's kinds
  ssi: { families: {}, reuses: SSI_MSG },
  suncluster: { families: { sun: SUN_MSG } },
  messaging: { families: { mp: MP_MSG } },
} as const satisfies Record<LabId, LabMessages>;

type Families = Merged<(typeof LAB_MESSAGES)[LabId]['families']>;

/** Every family of kinds, from every lab. */
export const MESSAGE_FAMILIES = Object.assign({}, ...Object.values(LAB_MESSAGES).map((lab) => lab.families)) as Families;

export type MessageKindName = { [F in keyof Families]: `${Extract<F, string>}.${Extract<keyof Families[F], string>}` }[keyof Families];

/** The kinds each lab's model sends (its own and those it reuses), for the legend of the labs in a run. */
export const LAB_KINDS = {} as Record<LabId, readonly number[]>;
for (const [lab, m] of Object.entries(LAB_MESSAGES) as [LabId, LabMessages][]) {
  LAB_KINDS[lab] = [...new Set([...Object.values(m.families).flatMap((k) => Object.values(k)), ...Object.values(m.reuses ?? {})])];
}

/** Every kind name with its number, duplicates of a number included. */
const NAMED: readonly [MessageKindName, number][] = Object.entries(MESSAGE_FAMILIES as Record<string, Kinds>).flatMap(([family, kinds]) =>
  Object.entries(kinds).map(([key, n]): [MessageKindName, number] => [`${family}.${key}` as MessageKindName, n]),
);

/** Every kind name, duplicates of a number included. */
export const MESSAGE_KIND_NAMES: readonly MessageKindName[] = NAMED.map(([name]) => name);

/** Each kind's name by its number (the first name where two share one, like mp.deref and mp.derefReply). */
export const KIND_NAMES: readonly MessageKindName[] = NAMED.reduce<MessageKindName[]>((out, [name, n]) => ((out[n] ??= name), out), []);
