/**
 * The scenario document: what a run starts from. Versioned; every external
 * input (URL, file) goes through `restore`, which checks each field against
 * SCENARIO_FIELDS, fills defaults and says what it could not use instead of
 * failing. (Share documents check the same rules with zod: schema.ts, which
 * the page loads only with the share codec.)
 */
import { clientServerWorld, databaseWorld, mainframeWorld } from '../engine/clientserver/world';
import { clusterWorld, SITE_LINKS } from '../engine/cluster/world';
import { MP_PRESET_WORLDS } from '../engine/messaging/world';
import { balancedWorld } from '../engine/balancer/world';
import { beowulfWorld } from '../engine/parallel/world';
import { sunWorld } from '../engine/suncluster/world';
import type { EngineCommand } from '../protocol';
import { WITNESS_KINDS, type WitnessKind } from '../engine/cluster/spec';
import type { WorldSpec } from '../protocol';

export const SCENARIO_VERSION = 1;

/** The built-in presets, tagged with the concept IDs they let a person see. */
export const PRESETS = {
  office: { concepts: ['DS-SYSTEM', 'DS-MESSAGES', 'CS-ROLES', 'CS-TERMS', 'CS-SERVER'], clients: 6 },
  mainframe: { concepts: ['CS-HOST', 'CS-THIN-MIGR'], clients: 8 },
  thin: { concepts: ['CS-SERVER', 'CS-FAT-THIN', 'CS-BOTTLENECK', 'CS-THIN-MIGR'], clients: 24 },
  fat: { concepts: ['CS-CLIENT', 'CS-FAT-THIN', 'CS-FAT-COST'], clients: 24 },
  coop: { concepts: ['CS-COOP'], clients: 12 },
  database: { concepts: ['CS-DB', 'CS-CLIENT', 'CS-TERMS'], clients: 6 },
  cluster: { concepts: ['WCS-SERVICE', 'WCS-EVENTS', 'WCS-NODEMGR', 'WCS-GROUP', 'WCS-RESOURCE', 'WCS-ONLINE', 'WCS-FAILOVER-MGR', 'WCS-PREFERRED', 'WCS-CONFIGDB', 'WCS-RESMON', 'WCS-SHARED-NOTHING', 'CL-FAILOVER', 'CL-HA'], clients: 4 },
  failback: { concepts: ['CL-FAILBACK', 'WCS-PREFERRED'], clients: 4 },
  splitbrain: { concepts: ['WCS-NODEMGR', 'CL-HA'], clients: 4 },
  noshm: { concepts: ['MP-NOSHM', 'MP-SENDRECV', 'MP-BLOCK'], clients: 2 },
  sendrecv: { concepts: ['MP-SENDRECV', 'MP-MODULE', 'MP-BLOCK'], clients: 2 },
  reliable: { concepts: ['MP-RELIABLE', 'MP-UNRELIABLE', 'MP-MODULE', 'MP-NONBLOCK'], clients: 2 },
  blocking: { concepts: ['MP-BLOCK', 'MP-NONBLOCK', 'MP-NONBLOCK-RECV', 'MP-MODULE'], clients: 4 },
  rpc: { concepts: ['RPC-CALL', 'RPC-STUBS', 'RPC-SYNC', 'RPC-BYVAL'], clients: 1 },
  byref: { concepts: ['RPC-BYVAL', 'RPC-BYREF', 'RPC-STUBS'], clients: 1 },
  binding: { concepts: ['RPC-BIND-TRANS', 'RPC-BIND-PERSIST'], clients: 1 },
  async: { concepts: ['RPC-SYNC', 'RPC-ASYNC'], clients: 1 },
  orb: { concepts: ['RPC-ORB', 'RPC-CALL'], clients: 1 },
  balance: { concepts: ['CL-LB', 'CL-SCALE-INC'], clients: 12 },
  spof: { concepts: ['CL-SPOF', 'CL-LB'], clients: 12 },
  redundant: { concepts: ['CL-SPOF', 'CL-HA', 'CL-LB'], clients: 12 },
  scaleout: { concepts: ['CL-SCALE-INC', 'CL-SCALE-ABS', 'CL-NET-BOTTLENECK', 'CL-PRICE'], clients: 60 },
  ha: { concepts: ['CL-HA-VS-FT', 'CL-HA', 'CL-CONFIG', 'CL-FAILOVER'], clients: 12 },
  ft: { concepts: ['CL-HA-VS-FT', 'CL-CONFIG'], clients: 12 },
  separate: { concepts: ['CL-CONFIG'], clients: 12 },
  shared: { concepts: ['CL-CONFIG'], clients: 12 },
  passive: { concepts: ['CL-CONFIG', 'CL-FAILOVER'], clients: 12 },
  beowulf: { concepts: ['BEO-TRAITS', 'BEO-LINUX', 'BEO-ETHERNET', 'BEO-BPROC', 'BEO-ENFUZION', 'CL-PARAMETRIC', 'BEO-BONDING'], clients: 1 },
  amdahl: { concepts: ['CL-PAR-COMPILER'], clients: 1 },
  parsum: { concepts: ['CL-PAR-APP', 'BEO-PVMSYNC', 'BEO-ETHERNET'], clients: 1 },
  checkpoint: { concepts: ['CL-CHECKPOINT'], clients: 1 },
  migration: { concepts: ['CL-MIGRATION', 'BEO-BPROC'], clients: 1 },
  smp: { concepts: ['CL-VS-SMP'], clients: 1 },
  ssi: { concepts: ['CL-MIDDLEWARE', 'CL-SSI'], clients: 1 },
  // Sun Cluster (src/engine/suncluster)
  sunnet: { concepts: ['SUN-SSI', 'SUN-CORBA', 'SUN-NET-OPTIONS', 'SUN-NET-FILTER', 'SUN-PROC'], clients: 6 },
  sunsingle: { concepts: ['SUN-NET-OPTIONS'], clients: 6 },
  sunpernode: { concepts: ['SUN-NET-OPTIONS', 'SUN-SSI'], clients: 6 },
  sungfs: { concepts: ['SUN-GFS', 'SUN-VNODE', 'SUN-CACHE', 'SUN-CORBA', 'SUN-SSI'], clients: 2 },
} as const;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** The integer fields' bounds. */
export const SCENARIO_FIELDS = {
  seed: { min: 0, max: 0xffffffff },
  clients: { min: 1, max: 1000 },
  /** Cluster nodes, for the cluster presets; each preset has its own default and its own ceiling (maxNodes). */
  nodes: { min: 2, max: 1024 },
} as const;

/**
 * The most nodes a preset takes. A Windows cluster sends every node's
 * heartbeat to every other node each second, and real ones stop at 16–64
 * nodes; a Beowulf's nodes talk only when a job asks, and real ones have
 * hundreds (in racks of 32, see beowulfWorld).
 */
const NODE_CEILING: Partial<Record<PresetName, number>> = { beowulf: 1024, amdahl: 1024, parsum: 1024 };

export function maxNodes(preset: PresetName): number {
  return NODE_CEILING[preset] ?? 32;
}

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  preset: PresetName;
  seed: number;
  clients: number;
  nodes?: number;
  /** The Windows cluster's witness (cluster presets; default: a disk witness for two nodes, none for more). */
  witness?: WitnessKind;
}

/** Whether one field's value is valid (`version` is not read from outside). */
export function validField(key: Exclude<keyof Scenario, 'version'>, value: unknown): boolean {
  if (key === 'preset') return typeof value === 'string' && (PRESET_NAMES as string[]).includes(value);
  if ((key === 'nodes' || key === 'witness') && value === undefined) return true;
  if (key === 'witness') return typeof value === 'string' && (WITNESS_KINDS as string[]).includes(value);
  const { min, max } = SCENARIO_FIELDS[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The default scenario: a small office with six clients of three platforms (DS-SYSTEM, CS-ROLES). */
export const DEFAULT_SCENARIO: Scenario = { version: SCENARIO_VERSION, preset: 'office', seed: 1, clients: 6 };

/** A problem with an input, as a catalogue key plus its values. */
export interface RestoreProblem {
  field: string;
  value: string;
}

/**
 * Turns untrusted input into a valid scenario: fields that are wrong fall
 * back to their defaults and are reported, so the rest of the input is kept.
 */
export function restore(raw: unknown): { scenario: Scenario; problems: RestoreProblem[] } {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...DEFAULT_SCENARIO };
  const problems: RestoreProblem[] = [];
  for (const key of ['preset', 'seed', 'clients', 'nodes', 'witness'] as const) {
    if (!(key in input)) continue;
    if (validField(key, input[key])) out[key] = input[key];
    else problems.push({ field: key, value: String(input[key]).slice(0, 60) });
  }
  if (typeof out.nodes === 'number' && out.nodes > maxNodes(out.preset as PresetName)) {
    problems.push({ field: 'nodes', value: String(out.nodes) });
    delete out.nodes;
  }
  return { scenario: out as unknown as Scenario, problems };
}

/** Reads `?preset=`, `?seed=`, `?clients=`, `?nodes=` and `?witness=` from a query string. */
export function fromSearchParams(search: string): { scenario: Scenario; problems: RestoreProblem[] } {
  const p = new URLSearchParams(search);
  const raw: Record<string, unknown> = {};
  const preset = p.get('preset');
  if (preset !== null) raw.preset = preset;
  const known = (PRESET_NAMES as string[]).includes(preset ?? '') ? PRESETS[preset as PresetName] : PRESETS.office;
  raw.clients = known.clients;
  for (const key of ['seed', 'clients', 'nodes'] as const) {
    const v = p.get(key);
    if (v !== null) raw[key] = /^-?\d+$/.test(v) ? Number(v) : v;
  }
  const witness = p.get('witness');
  if (witness !== null) raw.witness = witness;
  return restore(raw);
}

/** The scenario of a preset with its own number of clients. */
export function presetScenario(preset: PresetName, seed = DEFAULT_SCENARIO.seed): Scenario {
  return { version: SCENARIO_VERSION, preset, seed, clients: PRESETS[preset].clients };
}

/**
 * A node whose fault comes back: it fails, is repaired a minute later, and
 * fails again 40 s after each repair, for an hour (the harm of automatic failback).
 */
function flapping(node: string): { atUs: number; cmd: EngineCommand }[] {
  const out: { atUs: number; cmd: EngineCommand }[] = [];
  for (let t = 40_000_000; t < 3_600_000_000; t += 100_000_000) {
    out.push({ atUs: t, cmd: { type: 'crashNode', node } });
    out.push({ atUs: t + 60_000_000, cmd: { type: 'restartNode', node } });
  }
  return out;
}

/** A machine fails `atS` seconds in and is repaired a minute later. */
function outage(node: string, atS = 30): { atUs: number; cmd: EngineCommand }[] {
  return [
    { atUs: atS * 1_000_000, cmd: { type: 'crashNode', node } },
    { atUs: (atS + 60) * 1_000_000, cmd: { type: 'restartNode', node } },
  ];
}

/** Sun Cluster presets: four times the CPU per request and the think time of the defaults (same proportions, a quarter of the messages, easier to follow). */
const SUN_SLOW = { appUs: 12_000, protoUs: 4_000, filterUs: 400, thinkUs: 160_000 };

/** Adds a service node every 30 s, `count` times (scaling out while it runs). */
function growth(count: number): { atUs: number; cmd: EngineCommand }[] {
  return Array.from({ length: count }, (_, i) => ({ atUs: (i + 1) * 30_000_000, cmd: { type: 'addServer' } }));
}

/** The five configurations' presets: two nodes taking transactions, node-1 failing at 40 s. */
function txWorld(s: Scenario, config: 'active' | 'separate' | 'shared' | 'passive', mode?: 'ha' | 'ft'): WorldSpec {
  return clusterWorld({ nodes: s.nodes ?? 2, clients: s.clients, witness: s.witness, config, ...(mode ? { mode } : {}), txSteps: 4, script: outage('node-1', 40) });
}

/**
 * Each preset's world, by name: a preset without its builder is a type error
 * (a switch with a default used to build the office world for it, silently).
 */
const WORLDS: Record<PresetName, (s: Scenario) => WorldSpec> = {
  office: (s) => clientServerWorld(s.clients),
  ...MP_PRESET_WORLDS,
  mainframe: (s) => mainframeWorld(s.clients),
  database: (s) => databaseWorld(s.clients),
  thin: (s) => clientServerWorld(s.clients, undefined, 'server'),
  fat: (s) => clientServerWorld(s.clients, undefined, 'client'),
  coop: (s) => clientServerWorld(s.clients, undefined, 'coop'),
  cluster: (s) => clusterWorld({ clients: s.clients, nodes: s.nodes, witness: s.witness }),
  failback: (s) => clusterWorld({ clients: s.clients, nodes: s.nodes, witness: s.witness, failback: 'immediate', script: flapping('node-1') }),
  balance: (s) => balancedWorld({ clients: s.clients }),
  spof: (s) => balancedWorld({ clients: s.clients, algorithm: 'leastconn', script: outage('lb-1') }),
  redundant: (s) => balancedWorld({ clients: s.clients, algorithm: 'leastconn', redundantDispatcher: true, redundantGateway: true, script: outage('lb-1') }),
  scaleout: (s) => balancedWorld({ clients: s.clients, algorithm: 'leastconn', speeds: [1, 1], interconnectBps: 100_000_000, fetchBytes: 40_000, requestEveryUs: 50_000, maxOutstanding: 1, script: growth(6) }),
  ha: (s) => txWorld(s, 'active', 'ha'),
  ft: (s) => txWorld(s, 'active', 'ft'),
  separate: (s) => txWorld(s, 'separate'),
  shared: (s) => txWorld(s, 'shared'),
  passive: (s) => txWorld(s, 'passive'),
  beowulf: (s) => beowulfWorld({ nodes: s.nodes ?? 8, nics: 2, autoJob: { kind: 'parametric', nodes: s.nodes ?? 8 } }),
  amdahl: (s) => beowulfWorld({ nodes: s.nodes ?? 8, overrides: { loopWorkUs: 16_000_000 }, script: [{ atUs: 0, cmd: { type: 'sweep', kind: 'loop' } }] }),
  parsum: (s) => beowulfWorld({ nodes: s.nodes ?? 8, nicBps: 10_000_000, autoJob: { kind: 'sum', nodes: s.nodes ?? 8 } }),
  migration: (s) => beowulfWorld({ nodes: s.nodes ?? 8, overrides: { procWorkUs: 10_000_000 }, autoJob: { kind: 'procs', nodes: s.nodes ?? 8 } }),
  ssi: (s) => beowulfWorld({ nodes: s.nodes ?? 4, ssi: true, autoJob: { kind: 'parametric', nodes: s.nodes ?? 4 }, script: [{ atUs: 1_000_000, cmd: { type: 'ssiLogin' } }, { atUs: 2_000_000, cmd: { type: 'ssiTouch', node: 'n01', page: 1, write: false } }] }),
  smp: (s) =>
    beowulfWorld({
      nodes: s.nodes ?? 8,
      smp: 8,
      // one commodity node first, so the table can show each speed-up against it
      script: [
        { atUs: 0, cmd: { type: 'runJob', kind: 'parametric', nodes: 1 } },
        { atUs: 0, cmd: { type: 'runJob', kind: 'parametric', nodes: 1, smp: true } },
        { atUs: 0, cmd: { type: 'runJob', kind: 'parametric', nodes: s.nodes ?? 8 } },
      ],
    }),
  checkpoint: (s) => beowulfWorld({ nodes: s.nodes ?? 4, autoJob: { kind: 'checkpoint', nodes: s.nodes ?? 4 }, script: outage('n01', 35) }),
  // Sun Cluster: failures come after the first 25 s, so every preset starts with a clean run
  sunnet: (s) => sunWorld({ nodes: s.nodes, clients: s.clients, design: 'filter', sessions: 3, overrides: { ...SUN_SLOW, requestsPerConn: 200 }, script: outage('sun-1', 30) }),
  sunsingle: (s) => sunWorld({ nodes: s.nodes, clients: s.clients, design: 'single', sessions: 1, overrides: SUN_SLOW, script: [3, 6].map((n, k) => ({ atUs: (15 + 15 * k) * 1_000_000, cmd: { type: 'sunLoad', sessions: n } })) }),
  sunpernode: (s) => sunWorld({ nodes: s.nodes, clients: s.clients, design: 'perNode', sessions: 2, overrides: SUN_SLOW, script: outage('sun-2', 30) }),
  sungfs: (s) => sunWorld({ nodes: s.nodes, clients: s.clients, design: 'filter', sessions: 1, overrides: SUN_SLOW, fileEveryUs: 1_500_000, writer: { node: 'sun-3', path: '/global/www/index.html', everyUs: 6_000_000 } }),
  splitbrain: (s) => clusterWorld({ clients: s.clients, nodes: s.nodes, witness: s.witness, quorum: false, script: SITE_LINKS.map((link) => ({ atUs: 30_000_000, cmd: { type: 'cutLink', link } })) }),
};

/** The engine world a scenario describes. */
export function buildWorld(scenario: Scenario): WorldSpec {
  // a share document's scenario is checked field by field: its node count may still be more than its preset takes
  const s = scenario.nodes !== undefined && scenario.nodes > maxNodes(scenario.preset) ? { ...scenario, nodes: maxNodes(scenario.preset) } : scenario;
  return WORLDS[s.preset](s);
}
