/**
 * A Beowulf cluster (BEO-TRAITS): a head node and commodity compute nodes,
 * each with its own Linux kernel, on a private Ethernet through one switch,
 * running parallel and parametric jobs started from the head (BProc).
 */

/** The kinds of job the head can run. */
export const JOB_KINDS = ['parametric', 'loop', 'sum', 'checkpoint'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface ParallelSpec {
  head: string;
  workers: string[];
  /** Links of the private Ethernet (their bandwidth is per NIC × bonded NICs). */
  ethernetLinks: string[];
  /** Bandwidth of one NIC. */
  nicBps: number;
  /** NICs bonded round-robin on each compute node (BEO-BONDING), 1–4. */
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
};

/** Message kinds of the Beowulf model (palette 36–43). */
export const PAR_MSG = { spawn: 36, result: 37, chunk: 38, data: 39, arrive: 40, release: 41, checkpoint: 42, signal: 43 } as const;

/** Timer tags. */
export const PAR_TIMER = { serialDone: 70, deadline: 71 } as const;

/** Speed-up predicted by Amdahl's law for serial fraction f on n nodes. */
export function amdahl(f: number, n: number): number {
  return 1 / (f + (1 - f) / n);
}
