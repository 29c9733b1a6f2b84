/**
 * The layers diagram's pure logic: which machines exist, which software
 * layers sit on each for a class of processing, and which class to show.
 */
import { CLASSES, LAYERS, PLACEMENT, type Layer, type Place, type ProcessingClass } from '../../../protocol';

/** A machine column of the diagram (the same names as the engine's places). */
export type Machine = Place;

/** A box of a machine's software stack: the application's layers plus the software every machine has. */
export type StackLayer = Layer | 'middleware' | 'tcpip';

/** The stack from top to bottom. */
export const STACK: readonly StackLayer[] = [...LAYERS, 'middleware', 'tcpip'];

/** Columns in left-to-right order. */
export const MACHINES: readonly Machine[] = ['client', 'server', 'db'];

/** What the layer boxes need to know about a node. */
export interface NodeLike {
  id: string;
  kind: string;
  label: string;
  removed: boolean;
}

/** The machine columns present in a topology, in column order. */
export function machinesOf(nodes: readonly NodeLike[]): Machine[] {
  const kinds = new Set(nodes.filter((n) => !n.removed).map((n) => n.kind));
  return MACHINES.filter((m) => kinds.has(m));
}

/**
 * The column that does a place's work. The engine folds missing machines
 * the same way: the mainframe is both server and database, and in the
 * two-tier database preset the database server answers the clients itself.
 */
export function machineFor(place: Place, machines: readonly Machine[]): Machine | null {
  if (machines.includes(place)) return place;
  if (place === 'db' && machines.includes('server')) return 'server';
  if (place === 'server' && machines.includes('db')) return 'db';
  return null;
}

/** Machines a layer runs on for a class, without duplicates. */
export function machinesOfLayer(cls: ProcessingClass, layer: Layer, machines: readonly Machine[] = MACHINES): Machine[] {
  const out: Machine[] = [];
  for (const p of PLACEMENT[cls][layer]) {
    const m = machineFor(p, machines);
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}

/** True when a layer is split between machines (cooperative's application logic). */
export function isSplit(cls: ProcessingClass, layer: StackLayer, machines: readonly Machine[] = MACHINES): boolean {
  return layer !== 'middleware' && layer !== 'tcpip' && machinesOfLayer(cls, layer, machines).length > 1;
}

/** One box of a machine's stack; `half` when the layer is split with another machine. */
export interface StackBox {
  layer: StackLayer;
  half: boolean;
}

/** The application layers on a machine for a class (a host-based terminal has none). */
export function layersOn(cls: ProcessingClass, machine: Machine, machines: readonly Machine[] = MACHINES): StackBox[] {
  if (!machines.includes(machine)) return [];
  return LAYERS.flatMap((layer) => {
    const on = machinesOfLayer(cls, layer, machines);
    return on.includes(machine) ? [{ layer, half: isSplit(cls, layer, machines) }] : [];
  });
}

/** The whole stack of a machine: its application layers, then middleware and TCP/IP. */
export function stackOn(cls: ProcessingClass, machine: Machine, machines: readonly Machine[] = MACHINES): StackBox[] {
  if (!machines.includes(machine)) return [];
  return [...layersOn(cls, machine, machines), { layer: 'middleware', half: false }, { layer: 'tcpip', half: false }];
}

/**
 * Where an absent box slides to: towards the nearest column that has the
 * layer, so a class change reads as the layer moving between machines.
 */
export function slotState(cls: ProcessingClass, machine: Machine, layer: StackLayer, machines: readonly Machine[] = MACHINES): 'present' | 'toLeft' | 'toRight' {
  if (layer === 'middleware' || layer === 'tcpip') return 'present';
  const on = machinesOfLayer(cls, layer, machines);
  if (on.includes(machine)) return 'present';
  const here = machines.indexOf(machine);
  const cols = on.map((m) => machines.indexOf(m));
  const right = cols.filter((c) => c > here);
  const left = cols.filter((c) => c < here);
  if (right.length === 0) return 'toLeft';
  if (left.length === 0) return 'toRight';
  return Math.min(...right) - here <= here - Math.max(...left) ? 'toRight' : 'toLeft';
}

/** The title of a column: a terminal under host-based, a central host when there is no database server. */
export function columnTitle(machine: Machine, cls: ProcessingClass, machines: readonly Machine[]): 'client' | 'terminal' | 'server' | 'host' | 'db' {
  if (machine === 'client') return cls === 'host' ? 'terminal' : 'client';
  if (machine === 'server') return machines.includes('db') ? 'server' : 'host';
  return 'db';
}

/** The client/server model's panel state, checked (it arrives as plain unknown data). */
export interface CsModel {
  classes: number[];
  defaultClass: number;
}

/** Reads `panelView.models.clientserver`; null when it is missing or malformed. */
export function readModel(raw: unknown): CsModel | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { classes, defaultClass } = raw as { classes?: unknown; defaultClass?: unknown };
  if (!Array.isArray(classes) || typeof defaultClass !== 'number') return null;
  return { classes: classes.map((c) => (typeof c === 'number' ? c : -1)), defaultClass };
}

/** The class the diagram shows and whose it is. */
export interface Shown {
  cls: ProcessingClass;
  /** The selected client's label, or null for the default class. */
  node: string | null;
  /** True when some clients do not use the default class. */
  mixed: boolean;
}

/** The selected client's class, else the default class (server-based when nothing says otherwise). */
export function shownClass(nodes: readonly NodeLike[], model: CsModel | null, selection: { kind: string; id: string } | null): Shown {
  const fallback = CLASSES[model?.defaultClass ?? -1] ?? 'server';
  if (selection?.kind === 'node' && model) {
    const i = nodes.findIndex((n) => n.id === selection.id);
    const n = nodes[i];
    const cls = CLASSES[model.classes[i] ?? -1];
    if (n && n.kind === 'client' && !n.removed && cls) return { cls, node: n.label, mixed: false };
  }
  const mixed = model !== null && nodes.some((n, i) => n.kind === 'client' && !n.removed && (model.classes[i] ?? -1) >= 0 && model.classes[i] !== model.defaultClass);
  return { cls: fallback, node: null, mixed };
}
