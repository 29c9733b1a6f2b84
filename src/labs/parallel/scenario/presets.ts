import type { LabScenario } from '../../../scenario/labScenario';
import { outage } from '../../../scenario/scripts';
import { beowulfWorld } from '../engine/world';

/** A Beowulf's nodes talk only when a job asks, and real ones have hundreds (in racks of 32, see beowulfWorld). */
const BIG = 1024;

/** Beowulf and parallel computing: farmed, split and summed jobs, checkpoints, migration, the SMP beside it. */
export const parallelScenario = {
  picker: 'beowulf',
  presets: {
    beowulf: {
      concepts: ['BEO-TRAITS', 'BEO-LINUX', 'BEO-ETHERNET', 'BEO-BPROC', 'BEO-ENFUZION', 'CL-PARAMETRIC', 'BEO-BONDING'],
      clients: 1,
      maxNodes: BIG,
      world: (s) => beowulfWorld({ nodes: s.nodes ?? 8, nics: 2, autoJob: { kind: 'parametric', nodes: s.nodes ?? 8 } }),
      variants: [{ id: 'eth-10m', cmds: [{ type: 'setEthernet', bps: 10_000_000 }] }],
    },
    amdahl: {
      concepts: ['CL-PAR-COMPILER'],
      clients: 1,
      maxNodes: BIG,
      world: (s) => beowulfWorld({ nodes: s.nodes ?? 8, overrides: { loopWorkUs: 16_000_000 }, script: [{ atUs: 0, cmd: { type: 'sweep', kind: 'loop' } }] }),
    },
    parsum: {
      concepts: ['CL-PAR-APP', 'BEO-PVMSYNC', 'BEO-ETHERNET'],
      clients: 1,
      maxNodes: BIG,
      world: (s) => beowulfWorld({ nodes: s.nodes ?? 8, nicBps: 10_000_000, autoJob: { kind: 'sum', nodes: s.nodes ?? 8 } }),
      variants: [{ id: 'eth-1g', cmds: [{ type: 'setEthernet', bps: 1_000_000_000 }] }],
    },
    checkpoint: { concepts: ['CL-CHECKPOINT'], clients: 1, world: (s) => beowulfWorld({ nodes: s.nodes ?? 4, autoJob: { kind: 'checkpoint', nodes: s.nodes ?? 4 }, script: outage('n01', 35) }) },
    migration: {
      concepts: ['CL-MIGRATION', 'BEO-BPROC'],
      clients: 1,
      world: (s) => beowulfWorld({ nodes: s.nodes ?? 8, overrides: { procWorkUs: 10_000_000 }, autoJob: { kind: 'procs', nodes: s.nodes ?? 8 } }),
      variants: [{ id: 'no-migration', cmds: [{ type: 'setMigration', on: false }] }],
    },
    smp: {
      concepts: ['CL-VS-SMP'],
      clients: 1,
      world: (s) =>
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
    },
  },
} as const satisfies LabScenario;
