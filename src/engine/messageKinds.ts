import { BL_MSG } from './balancer/spec';
import { CS_MSG } from './clientserver/costModel';
import { CL_DATA_MSG, CL_MSG } from './cluster/spec';
import { MP_MSG } from './messaging/spec';
import { PAR_MSG } from './parallel/spec';
import { SUN_MSG } from './suncluster/spec';

/**
 * Every lab's message kinds, by a short family prefix. A kind travels as its
 * number (in messages, the trace and its hash, share links), so the numbers
 * stay as they are; the UI names a kind `family.key` (its colour in
 * render/palette.ts, its text `msg.family.key` in both catalogues), never by
 * its position in a list. The SSI services reuse the balancer's and the
 * cluster's kinds, so they have no family of their own.
 */
export const MESSAGE_FAMILIES = { cs: CS_MSG, cl: CL_MSG, mp: MP_MSG, lb: BL_MSG, cldata: CL_DATA_MSG, par: PAR_MSG, sun: SUN_MSG } as const;

type Families = typeof MESSAGE_FAMILIES;
export type MessageKindName = { [F in keyof Families]: `${F}.${Extract<keyof Families[F], string>}` }[keyof Families];

/** Every kind name with its number, duplicates of a number included. */
const NAMED: readonly [MessageKindName, number][] = Object.entries(MESSAGE_FAMILIES).flatMap(([family, kinds]) =>
  Object.entries(kinds).map(([key, n]): [MessageKindName, number] => [`${family}.${key}` as MessageKindName, n]),
);

/** Every kind name, duplicates of a number included. */
export const MESSAGE_KIND_NAMES: readonly MessageKindName[] = NAMED.map(([name]) => name);

/** Each kind's name by its number (the first name where two share one, like mp.deref and mp.derefReply). */
export const KIND_NAMES: readonly MessageKindName[] = NAMED.reduce<MessageKindName[]>((out, [name, n]) => ((out[n] ??= name), out), []);
