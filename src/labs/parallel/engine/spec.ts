/**
 * A Beowulf cluster (BEO-TRAITS): a head node and commodity compute nodes,
 * each with its own Linux kernel, on a private Ethernet through one switch,
 * running parallel and parametric jobs started from the head (BProc).
 */

/** The kinds of job the head can run. */
export const JOB_KINDS = ['parametric', 'loop', 'sum', 'checkpoint', 'procs'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface ParallelSpec {
  head: string;
  workers: string[];
  /** Links of the private Ethernet (their bandwidth is what one TCP stream gets from the bonded NICs, see bond.ts). */
  ethernetLinks: string[];
  /** Bandwidth of one NIC. */
  nicBps: number;
  /** NICs bonded balance-rr (round robin) on every machine of the Ethernet (BEO-BONDING), 1–4. */
  nics: number;
  /** Parametric job (BEO-ENFUZION): runs of one model, each `runWorkUs` of CPU. */
  runs: number;
  runWorkUs: number;
  /** Loop split at compile time (CL-PAR-COMPILER): total work and its serial fraction. */
  loopWorkUs: number;
  serialFraction: number;
  /** Distributed sum (CL-PAR-APP): bytes of data scattered, CPU per byte, iterations with a barrier each. */
  sumBytes: number;
  sumUsPerKB: number;
  sumIterations: number;
  /** Checkpointed job (CL-CHECKPOINT): total work, checkpoint interval, state size. */
  longWorkUs: number;
  checkpointEveryUs: number;
  checkpointBytes: number;
  /** Independent processes started on a few nodes (CL-MIGRATION): count, work each, slice between migration chances, state size. */
  procCount: number;
  procWorkUs: number;
  procSliceUs: number;
  migrateBytes: number;
  /** Move processes from loaded nodes to idle ones (MOSIX-style load balancing). */
  migration: boolean;
  /** A symmetric multiprocessor beside the cluster (CL-VS-SMP): its node id and processors. */
  smp?: string;
  smpProcessors: number;
  /** A shared public network instead of a dedicated one (BEO-TRAITS): other users' transfers cross the cluster's Ethernet. */
  sharedNetwork: boolean;
  /** The outside machine those transfers come from. */
  campus?: string;
  /** The job the head starts on its own at the beginning, if any. */
  autoJob?: { kind: JobKind; nodes: number };
}

export const PARALLEL_DEFAULTS = {
  nicBps: 100_000_000,
  nics: 1,
  runs: 64,
  runWorkUs: 2_000_000,
  loopWorkUs: 32_000_000,
  serialFraction: 0.1,
  sumBytes: 8_000_000,
  sumUsPerKB: 2_000,
  sumIterations: 4,
  longWorkUs: 120_000_000,
  checkpointEveryUs: 10_000_000,
  checkpointBytes: 200_000,
  procCount: 16,
  procWorkUs: 20_000_000,
  procSliceUs: 1_000_000,
  migrateBytes: 1_000_000,
  migration: true,
  smpProcessors: 8,
  sharedNetwork: false,
};

/** Message kinds of the Beowulf model (palette 36–43). */
export const PAR_MSG = { spawn: 36, result: 37, chunk: 38, data: 39, arrive: 40, release: 41, checkpoint: 42, signal: 43 } as const;

/** Timer tags. */
export const PAR_TIMER = { serialDone: 70, deadline: 71, background: 72, resend: 73, miimon: 74, stream: 75 } as const;

/** Other people's traffic on a shared network: drawn in the colour of other models' messages. */
export const BACKGROUND_KIND = 99;

/**
 * A symmetric multiprocessor's useful speed with p processors on one shared
 * bus (CL-VS-SMP): each extra processor adds contention. Illustrative: 8 %
 * per extra processor, so 8 CPUs give about 5.1× and 32 about 9.2×.
 */
export function smpSpeed(p: number): number {
  return p / (1 + 0.08 * (p - 1));
}

/** Speed-up predicted by Amdahl's law for serial fraction f on n nodes. */
export function amdahl(f: number, n: number): number {
  return 1 / (f + (1 - f) / n);
}
