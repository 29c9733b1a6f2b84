import type { LabScenario, Variant } from '../../../scenario/labScenario';
import { outage, type Script } from '../../../scenario/scripts';
import { balancedWorld } from '../engine/world';

/** Adds a service node every 30 s, `count` times (scaling out while it runs). */
function growth(count: number): Script {
  return Array.from({ length: count }, (_, i) => ({ atUs: (i + 1) * 30_000_000, cmd: { type: 'addServer' } }));
}

const ALGORITHMS: Variant[] = (['leastconn', 'swrr', 'p2c', 'roundrobin'] as const).map((algorithm) => ({ id: algorithm, cmds: [{ type: 'setAlgorithm', algorithm }] }));

/** Load balancing: the dispatcher, its single point of failure, redundancy, and scaling out. */
export const balancerScenario = {
  picker: 'balancing',
  presets: {
    balance: { concepts: ['CL-LB', 'CL-SCALE-INC'], clients: 12, world: (s) => balancedWorld({ clients: s.clients }), variants: ALGORITHMS },
    spof: { concepts: ['CL-SPOF', 'CL-LB'], clients: 12, world: (s) => balancedWorld({ clients: s.clients, algorithm: 'leastconn', script: outage('lb-1') }), variants: ALGORITHMS },
    redundant: {
      concepts: ['CL-SPOF', 'CL-HA', 'CL-LB'],
      clients: 12,
      world: (s) => balancedWorld({ clients: s.clients, algorithm: 'leastconn', redundantDispatcher: true, redundantGateway: true, script: outage('lb-1') }),
      variants: ALGORITHMS,
    },
    scaleout: {
      concepts: ['CL-SCALE-INC', 'CL-SCALE-ABS', 'CL-NET-BOTTLENECK', 'CL-PRICE'],
      clients: 60,
      world: (s) => balancedWorld({ clients: s.clients, algorithm: 'leastconn', speeds: [1, 1], interconnectBps: 100_000_000, fetchBytes: 40_000, requestEveryUs: 50_000, maxOutstanding: 1, script: growth(6) }),
      variants: [
        { id: 'ic-1g', cmds: [{ type: 'setInterconnect', bps: 1_000_000_000 }] },
        { id: 'ic-10m', cmds: [{ type: 'setInterconnect', bps: 10_000_000 }] },
      ],
    },
  },
} as const satisfies LabScenario;
