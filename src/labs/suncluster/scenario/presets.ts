import type { LabScenario } from '../../../scenario/labScenario';
import { outage } from '../../../scenario/scripts';
import { sunWorld } from '../engine/world';

/** Four times the CPU per request and the think time of the defaults (same proportions, a quarter of the messages, easier to follow). */
const SUN_SLOW = { appUs: 12_000, protoUs: 4_000, filterUs: 400, thinkUs: 160_000 };

/** Sun Cluster: failures come after the first 25 s, so every preset starts with a clean run. */
export const sunClusterScenario = {
  picker: 'suncluster',
  presets: {
    sunnet: {
      concepts: ['SUN-SSI', 'SUN-CORBA', 'SUN-NET-OPTIONS', 'SUN-NET-FILTER', 'SUN-PROC'],
      clients: 6,
      world: (s) => sunWorld({ nodes: s.nodes, clients: s.clients, design: 'filter', sessions: 3, overrides: { ...SUN_SLOW, requestsPerConn: 200 }, script: outage('sun-1', 30) }),
    },
    sunsingle: {
      concepts: ['SUN-NET-OPTIONS'],
      clients: 6,
      world: (s) => sunWorld({ nodes: s.nodes, clients: s.clients, design: 'single', sessions: 1, overrides: SUN_SLOW, script: [3, 6].map((n, k) => ({ atUs: (15 + 15 * k) * 1_000_000, cmd: { type: 'sunLoad', sessions: n } })) }),
    },
    sunpernode: {
      concepts: ['SUN-NET-OPTIONS', 'SUN-SSI'],
      clients: 6,
      world: (s) => sunWorld({ nodes: s.nodes, clients: s.clients, design: 'perNode', sessions: 2, overrides: SUN_SLOW, script: outage('sun-2', 30) }),
    },
    sungfs: {
      concepts: ['SUN-GFS', 'SUN-VNODE', 'SUN-CACHE', 'SUN-CORBA', 'SUN-SSI'],
      clients: 2,
      world: (s) => sunWorld({ nodes: s.nodes, clients: s.clients, design: 'filter', sessions: 1, overrides: SUN_SLOW, fileEveryUs: 1_500_000, writer: { node: 'sun-3', path: '/global/www/index.html', everyUs: 6_000_000 } }),
    },
  },
} as const satisfies LabScenario;
