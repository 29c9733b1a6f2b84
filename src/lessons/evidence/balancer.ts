/** Evidence of the load-balancer presets (src/labs/balancer/engine): where requests go, who takes over, what each pool size delivers. */
import { BL_MSG } from '../../protocol';
import type { Evidence, LabEvidence, Sample } from './types';

const WEB = ['web-1', 'web-2', 'web-3', 'web-4'];
const CLIENT = /^client-/;

/** Every service node gets requests from the dispatcher. */
const spreadOver = (lb: string, during: [number, number]): Evidence[] => WEB.map((w): Evidence => ({ kind: 'message', msgKind: BL_MSG.forward, from: lb, to: w, min: 20, during }));

/** Requests per second while the pool had `n` nodes, after its ramp-up (as the scale panel measures it), or 0. */
function throughput(s: Sample, n: number): number {
  const epochs = (s.models.balancer?.epochs ?? []).filter((e) => e.servers === n);
  const e = epochs[epochs.length - 1];
  if (!e) return 0;
  const us = (e.endUs < 0 ? s.nowUs : e.endUs) - e.startUs - e.warmupUs;
  return us >= 5_000_000 ? (e.completed * 1e6) / us : 0;
}

export const BALANCER_EVIDENCE: LabEvidence<'balance' | 'spof' | 'redundant' | 'scaleout'> = {
  // the clusters lesson adds a node while it runs
  balance: {
    run: { seconds: 40, commands: [{ at: 15, cmd: { type: 'addServer' } }] },
    tags: {
      // all four nodes get work, and the new one is included without being named
      'CL-LB': [...spreadOver('lb-1', [0, 15]), { kind: 'message', msgKind: BL_MSG.forward, from: 'lb-1', to: 'web-5', min: 20, during: [15, 40] }],
      'CL-SCALE-INC': [
        { kind: 'stat', stat: 'serversInRotation', op: '<=', value: 4, at: 15 },
        { kind: 'event', type: 'serverAdded', node: 'web-5', during: [15, 40] },
        { kind: 'stat', stat: 'serversInRotation', op: '>=', value: 5 },
        { kind: 'message', msgKind: BL_MSG.response, from: 'web-5', to: 'lb-1', min: 20 },
      ],
    },
  },
  // the only dispatcher fails at 30 s (back at 90 s)
  spof: {
    run: { seconds: 60 },
    tags: {
      // every server is fine, yet nothing is answered: the dispatcher was the single point of failure
      'CL-SPOF': [
        { kind: 'event', type: 'nodeCrashed', node: 'lb-1' },
        { kind: 'event', type: 'nodeCrashed', node: /^web-/, max: 0 },
        { kind: 'message', msgKind: BL_MSG.reply, to: CLIENT, max: 0, during: [31, 60] },
        { kind: 'event', type: 'requestFailed', node: CLIENT, min: 50, during: [30, 60] },
      ],
      'CL-LB': spreadOver('lb-1', [0, 30]),
    },
  },
  // a VRRP pair of dispatchers and two routers; lb-1 fails at 30 s
  redundant: {
    run: { seconds: 60 },
    tags: {
      // the backup hears the master's adverts, takes over the address when they stop, and forwards from then on
      'CL-SPOF': [
        { kind: 'message', msgKind: BL_MSG.advert, from: 'lb-1', to: 'lb-2', min: 10, during: [0, 30] },
        { kind: 'event', type: 'balancerTakeover', node: 'lb-2', during: [30, 40] },
        { kind: 'message', msgKind: BL_MSG.forward, from: 'lb-2', to: /^web-/, min: 100, during: [35, 60] },
      ],
      // the service goes on: clients are answered after the failure, few requests fail
      'CL-HA': [
        { kind: 'message', msgKind: BL_MSG.reply, from: 'lb-2', to: CLIENT, min: 100, during: [35, 60] },
        { kind: 'stat', stat: 'successRate', op: '>', value: 0.98 },
      ],
      'CL-LB': spreadOver('lb-1', [0, 30]),
    },
  },
  // a node added every 30 s up to eight, on a 100 Mb/s interconnect to the data
  scaleout: {
    run: { seconds: 215 },
    tags: {
      // each node added adds about one node's throughput, as long as the interconnect keeps up
      'CL-SCALE-INC': [
        { kind: 'event', type: 'serverAdded', min: 6 },
        { kind: 'stat', stat: 'serversInRotation', op: '>=', value: 8 },
        { kind: 'state', says: 'from 2 to 6 nodes, every node added raised throughput by at least 80 % of a node’s share', holds: (s) => [3, 4, 5, 6].every((n) => throughput(s, n) - throughput(s, n - 1) >= (0.8 * throughput(s, 2)) / 2) },
      ],
      // the cluster delivers several times what one of its machines does
      'CL-SCALE-ABS': [{ kind: 'state', says: 'the largest pool served over 5 times one node’s share', holds: (s) => Math.max(...[3, 4, 5, 6, 7, 8].map((n) => throughput(s, n))) > (5 * throughput(s, 2)) / 2 }],
      'CL-NET-BOTTLENECK': [
        { kind: 'stat', stat: 'interconnectUtil', op: '>=', value: 0.95 },
        { kind: 'state', says: 'the 8th node added under 5 % to the 7-node throughput', holds: (s) => throughput(s, 7) > 0 && throughput(s, 8) < 1.05 * throughput(s, 7) },
        { kind: 'stat', stat: 'serverUtil', op: '<', value: 0.85 },
      ],
      // the price grows with the number of commodity nodes, and so does the performance: a flat price/performance
      'CL-PRICE': [{ kind: 'state', says: 'from 2 to 6 commodity nodes, throughput per node stays within 10 %', holds: (s) => [3, 4, 5, 6].every((n) => Math.abs(throughput(s, n) / n - throughput(s, 2) / 2) <= 0.1 * (throughput(s, 2) / 2)) && throughput(s, 2) > 0 }],
    },
  },
};
