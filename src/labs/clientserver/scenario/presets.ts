import type { LabScenario, Variant } from '../../../scenario/labScenario';
import { clientServerWorld, databaseWorld, mainframeWorld } from '../engine/world';

const FAT: Variant = { id: 'fat', cmds: [{ type: 'setClass', cls: 'client' }] };
const THIN: Variant = { id: 'thin', cmds: [{ type: 'setClass', cls: 'server' }] };

/** Client/server: where the application's layers run, and what that costs. */
export const clientServerScenario = {
  picker: 'clientserver',
  presets: {
    office: { concepts: ['DS-SYSTEM', 'DS-MESSAGES', 'CS-ROLES', 'CS-TERMS', 'CS-SERVER'], clients: 6, world: (s) => clientServerWorld(s.clients), variants: [FAT] },
    mainframe: { concepts: ['CS-HOST', 'CS-THIN-MIGR'], clients: 8, world: (s) => mainframeWorld(s.clients) },
    thin: { concepts: ['CS-SERVER', 'CS-FAT-THIN', 'CS-BOTTLENECK', 'CS-THIN-MIGR'], clients: 24, world: (s) => clientServerWorld(s.clients, undefined, 'server'), variants: [FAT] },
    fat: { concepts: ['CS-CLIENT', 'CS-FAT-THIN', 'CS-FAT-COST'], clients: 24, world: (s) => clientServerWorld(s.clients, undefined, 'client'), variants: [THIN] },
    coop: { concepts: ['CS-COOP'], clients: 12, world: (s) => clientServerWorld(s.clients, undefined, 'coop'), variants: [FAT, THIN] },
    database: { concepts: ['CS-DB', 'CS-CLIENT', 'CS-TERMS'], clients: 6, world: (s) => databaseWorld(s.clients), variants: [FAT, THIN] },
  },
} as const satisfies LabScenario;
