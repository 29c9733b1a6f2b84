/** Evidence of the Beowulf and single-system-image presets (src/labs/parallel/engine, src/labs/ssi/engine): jobs, the head's process table, the Ethernet and its bonds. */
import { PAR_MSG, SSI_MSG } from '../../protocol';
import type { Evidence, LabEvidence, Sample } from './types';

const NODES8 = ['n01', 'n02', 'n03', 'n04', 'n05', 'n06', 'n07', 'n08'];
/** JOB_KINDS order: parametric, loop, sum, checkpoint, procs. */
const PARAMETRIC = 0;

// the Beowulf presets always run the parallel model
const par = (s: Sample) => s.models.parallel!;
const results = (s: Sample, kind: string) => (par(s)?.results ?? []).filter((r) => r.kind === kind && !r.failed);
const timeOf = (s: Sample, kind: string, nodes: number, smp = false) => results(s, kind).find((r) => r.nodes === nodes && r.smp === smp)?.timeUs ?? 0;

/** A bond's measured stream: its cards (b) and its rate in b/s (a), within a range. */
const stream = (node: string, cards: number, bps: [number, number], during?: [number, number]): Evidence => ({ kind: 'event', type: 'streamMeasured', node, fields: { b: cards, a: bps }, during });

export const BEOWULF_EVIDENCE: LabEvidence<'beowulf' | 'amdahl' | 'parsum' | 'checkpoint' | 'migration' | 'smp' | 'ssi'> = {
  // a parametric job of 64 runs on 8 nodes with two cards each; a signal at 1 s, n03 fails at 10 s; the bonding lesson's card failure at 20 s; streams measured on 100 Mb/s, then 1 Gb/s cards
  beowulf: {
    run: {
      seconds: 40,
      commands: [
        { at: 1, cmd: { type: 'killProcess', pid: 101 } },
        { at: 3, cmd: { type: 'bondStream', node: 'n02' } },
        { at: 10, cmd: { type: 'crashNode', node: 'n03' } },
        { at: 20, cmd: { type: 'failNic', node: 'n01' } },
        { at: 25, cmd: { type: 'bondStream', node: 'n01' } },
        { at: 30, cmd: { type: 'setEthernet', bps: 1_000_000_000 } },
        { at: 31, cmd: { type: 'bondStream', node: 'n04' } },
      ],
    },
    tags: {
      // identical commodity nodes, each given the same share of work; a dedicated network no one else uses
      'BEO-TRAITS': [
        ...NODES8.map((n): Evidence => ({ kind: 'message', msgKind: PAR_MSG.result, from: n, to: 'head', min: 4, during: [0, 10] })),
        { kind: 'message', msgKind: PAR_MSG.spawn, from: 'campus', max: 0 },
        { kind: 'event', type: 'jobFinished', node: 'head', fields: { a: [0, 20_000_000] } },
      ],
      // each node runs on its own: when n03's kernel goes, the others carry on; pids are one space across nodes
      'BEO-LINUX': [
        ...['n01', 'n02', 'n04'].map((n): Evidence => ({ kind: 'message', msgKind: PAR_MSG.result, from: n, to: 'head', during: [11, 20] })),
        { kind: 'state', says: 'the head’s table holds processes of 8 nodes, each pid once', at: 10, holds: (s) => new Set(par(s).procs.map((p) => p.node)).size >= 8 && new Set(par(s).procs.map((p) => p.pid)).size === par(s).procs.length },
      ],
      // the head starts processes on every node and signals one of them
      'BEO-BPROC': [
        ...NODES8.map((n): Evidence => ({ kind: 'message', msgKind: PAR_MSG.spawn, from: 'head', to: n })),
        { kind: 'message', msgKind: PAR_MSG.signal, from: 'head', to: 'n02', during: [1, 2] },
        { kind: 'state', says: 'the head’s table lists processes running on the compute nodes', at: 5, holds: (s) => par(s).procs.some((p) => p.node !== par(s).head) },
      ],
      // the parametric job is farmed out over every node; a failed node's run is requeued
      'BEO-ENFUZION': [
        { kind: 'event', type: 'jobStarted', node: 'head', fields: { a: 8, b: PARAMETRIC } },
        { kind: 'event', type: 'taskRequeued', node: 'n03', during: [10, 20] },
        { kind: 'event', type: 'jobFinished', node: 'head' },
      ],
      // the same model run 64 times, once per parameter set
      'CL-PARAMETRIC': [
        { kind: 'message', msgKind: PAR_MSG.result, to: 'head', min: 64 },
        { kind: 'state', says: 'a parametric job finished all its 64 runs', holds: (s) => results(s, 'parametric').some((r) => r.tasks === 64 && r.done === 64) },
      ],
      // two 100 Mb/s cards give one stream about 1.4 cards' worth; with one card left, one card's worth
      'BEO-BONDING': [
        stream('n02', 2, [130e6, 150e6]),
        { kind: 'event', type: 'nicFailed', node: 'n01', fields: { a: 1 } },
        { kind: 'event', type: 'nicDown', node: 'n01' },
        stream('n01', 1, [90e6, 101e6]),
      ],
      // the card speed sets the rate: 100 Mb/s cards, then 1 Gb/s ones
      'BEO-ETHERNET': [stream('n02', 2, [130e6, 150e6], [0, 30]), stream('n04', 2, [1.3e9, 1.5e9], [30, 40])],
    },
  },
  // the compiler's loop on 1, 2, 4 and 8 nodes
  amdahl: {
    run: { seconds: 40 },
    tags: {
      'CL-PAR-COMPILER': [
        { kind: 'message', msgKind: PAR_MSG.chunk, from: 'head', to: 'n08' },
        {
          kind: 'state',
          says: 'on 2, 4 and 8 nodes the loop takes what Amdahl’s law predicts for its serial part (within 5 %)',
          holds: (s) => {
            const t1 = timeOf(s, 'loop', 1);
            const f = par(s).serialFraction;
            return t1 > 0 && [2, 4, 8].every((n) => Math.abs(timeOf(s, 'loop', n) - t1 * (f + (1 - f) / n)) <= 0.05 * t1 * (f + (1 - f) / n));
          },
        },
      ],
    },
  },
  // a sum over 10 Mb/s cards; the lesson's change to 1 Gb/s at 12 s and the same job again
  parsum: {
    run: {
      seconds: 20,
      commands: [
        { at: 12, cmd: { type: 'setEthernet', bps: 1_000_000_000 } },
        { at: 13, cmd: { type: 'runJob', kind: 'sum', nodes: 8 } },
      ],
    },
    tags: {
      // the data is scattered by messages and each node sends its partial sum back; communication outweighs the computing
      'CL-PAR-APP': [
        ...NODES8.map((n): Evidence => ({ kind: 'message', msgKind: PAR_MSG.data, from: 'head', to: n, during: [0, 12] })),
        ...NODES8.map((n): Evidence => ({ kind: 'message', msgKind: PAR_MSG.result, from: n, to: 'head', during: [0, 12] })),
        { kind: 'state', says: 'on 10 Mb/s the sum took over 3 times its computing time', at: 12, holds: (s) => results(s, 'sum').some((r) => r.timeUs > 3 * r.compUs && r.compUs > 0) },
      ],
      // a barrier each iteration: every node arrives, the head releases them all
      'BEO-PVMSYNC': [
        ...NODES8.map((n): Evidence => ({ kind: 'message', msgKind: PAR_MSG.arrive, from: n, to: 'head', min: 4, during: [0, 12] })),
        ...NODES8.map((n): Evidence => ({ kind: 'message', msgKind: PAR_MSG.release, from: 'head', to: n, min: 4, during: [0, 12] })),
      ],
      'BEO-ETHERNET': [{ kind: 'state', says: 'the same sum on 1 Gb/s took under 40 % of its time on 10 Mb/s', holds: (s) => results(s, 'sum').length >= 2 && results(s, 'sum')[1]!.timeUs < 0.4 * results(s, 'sum')[0]!.timeUs }],
    },
  },
  // a 120 s job checkpointed every 10 s; n01 fails at 35 s
  checkpoint: {
    run: { seconds: 160 },
    tags: {
      'CL-CHECKPOINT': [
        { kind: 'message', msgKind: PAR_MSG.checkpoint, from: 'n01', to: 'head', min: 2, during: [0, 35] },
        { kind: 'event', type: 'taskRequeued', node: 'n01' },
        { kind: 'message', msgKind: PAR_MSG.checkpoint, from: 'head', to: /^n0[2-4]$/, during: [35, 160] },
        // from scratch it would end after 35 s + detection + 120 s
        { kind: 'state', says: 'the job finished having lost less than one checkpoint interval, well before a restart from scratch would', holds: (s) => results(s, 'checkpoint').some((r) => r.lostUs < 10_000_000 && r.timeUs < 170_000_000) },
      ],
    },
  },
  // 16 processes started on n01 and n02
  migration: {
    run: { seconds: 40 },
    tags: {
      // processes move from the crowded nodes to idle ones, and the job ends far sooner than on two nodes
      'CL-MIGRATION': [
        { kind: 'event', type: 'processMigrated', node: /^n0[12]$/, peer: /^n0[3-8]$/, min: 6 },
        { kind: 'stat', stat: 'migrations', op: '>=', value: 3 },
        { kind: 'state', says: 'the 16 processes of 10 s finished in under half the 80 s two nodes would need', holds: (s) => results(s, 'procs').some((r) => r.timeUs < 40_000_000) },
      ],
      // started from the head on two nodes; the head's table follows them wherever they run
      'BEO-BPROC': [
        { kind: 'message', msgKind: PAR_MSG.spawn, from: 'head', to: 'n01' },
        { kind: 'message', msgKind: PAR_MSG.spawn, from: 'head', to: /^n0[3-8]$/, max: 0 },
        { kind: 'state', says: 'the head’s table shows processes on nodes they were never started on', at: 10, holds: (s) => par(s).procs.some((p) => !['n01', 'n02'].includes(s.ids[p.node] ?? '')) },
      ],
    },
  },
  // one commodity node, the 8-processor SMP, then 8 commodity nodes, on the same job
  smp: {
    run: { seconds: 175 },
    tags: {
      'CL-VS-SMP': [
        { kind: 'event', type: 'workDone', node: 'smp', min: 64 },
        {
          kind: 'state',
          says: 'the SMP speeds the job up, but less than 8 times, and 8 cluster nodes beat it',
          holds: (s) => {
            const one = timeOf(s, 'parametric', 1);
            const smp = timeOf(s, 'parametric', 8, true);
            const cluster = timeOf(s, 'parametric', 8);
            return one > 0 && smp > 0 && cluster > 0 && smp < one && one / smp < 8 && cluster < smp;
          },
        },
      ],
    },
  },
  // logins at 1 (script), 3, 4, 5 and 12 s; n01 reads page 1 at 2 s (script), n03 writes it at 6 s; the control point at 7 s; a remote file at 8 s; n03 fails at 10 s
  ssi: {
    run: {
      seconds: 20,
      commands: [
        { at: 3, cmd: { type: 'ssiLogin' } },
        { at: 4, cmd: { type: 'ssiLogin' } },
        { at: 5, cmd: { type: 'ssiLogin' } },
        { at: 6, cmd: { type: 'ssiTouch', node: 'n03', page: 1, write: true } },
        { at: 7, cmd: { type: 'ssiAdmin' } },
        { at: 8, cmd: { type: 'ssiRead', node: 'n01', file: 1 } },
        { at: 10, cmd: { type: 'crashNode', node: 'n03' } },
        { at: 12, cmd: { type: 'ssiLogin' } },
      ],
    },
    tags: {
      // one entry point spreading logins; one memory (a page fetched, a write invalidating the copies); one I/O space
      'CL-SSI': [
        { kind: 'message', msgKind: SSI_MSG.login, from: 'campus', to: 'head', min: 4 },
        ...['n01', 'n02', 'n03', 'n04'].map((n): Evidence => ({ kind: 'event', type: 'sessionPlaced', peer: n, during: [0, 6] })),
        { kind: 'message', msgKind: SSI_MSG.data, from: 'n02', to: 'n01', carries: { bytes: 4_096 }, during: [2, 3] },
        { kind: 'message', msgKind: SSI_MSG.update, from: 'n03', to: 'n01', during: [6, 7] },
        { kind: 'event', type: 'pageOwned', node: 'n03', fields: { msg: 1 } },
        { kind: 'message', msgKind: SSI_MSG.data, from: 'n02', to: 'n01', carries: { bytes: 64_000 }, during: [8, 9] },
      ],
      // one change at the control point applied on every node; a failed node's work and users go elsewhere
      'CL-MIDDLEWARE': [
        { kind: 'message', msgKind: SSI_MSG.update, from: 'head', to: /^n0[1-4]$/, min: 4, during: [7, 8] },
        { kind: 'state', says: 'every node applied the administrator’s change', at: 9, holds: (s) => s.models.ssi?.applied === 4 },
        { kind: 'event', type: 'taskRequeued', node: 'n03', during: [10, 20] },
        { kind: 'event', type: 'sessionPlaced', peer: /^n0[124]$/, during: [12, 13] },
      ],
    },
  },
};
