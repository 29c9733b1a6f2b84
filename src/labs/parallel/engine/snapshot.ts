import type { StreamResult } from './ethernet';
import type { Proc } from './jobs';
import type { JobResult } from './parallelModel';
import type { JobKind } from './spec';

/** The Beowulf's state for the panels (node fields are network node indices). */
export interface ParallelSnapshot {
  head: number;
  workers: number[];
  /** Each worker's cards, and how many of them have failed. */
  nics: number[];
  deadNics: number[];
  /** Cards each machine was built with. */
  bondNics: number;
  headNics: number;
  framesLost: number;
  resent: number;
  /** The last one-stream measurement over a bond. */
  stream: StreamResult | null;
  nicBps: number;
  serialFraction: number;
  migration: boolean;
  sharedNetwork: boolean;
  smp: number;
  smpProcessors: number;
  job: { id: number; kind: JobKind; smp: boolean; nodes: number; done: number; tasks: number; queued: number; requeued: number; iteration: number; savedUs: number; lostUs: number; startUs: number } | null;
  queuedJobs: { kind: JobKind; nodes: number; smp: boolean }[];
  smpDown: boolean;
  results: JobResult[];
  procs: Proc[];
}
