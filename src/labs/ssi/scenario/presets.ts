import type { LabScenario } from '../../../scenario/labScenario';
import { beowulfWorld } from '../../parallel/engine/world';

/** Single-system image: a Beowulf whose middleware makes it look like one machine (it shares the Beowulf's group in the picker). */
export const ssiScenario = {
  picker: 'beowulf',
  presets: {
    ssi: {
      concepts: ['CL-MIDDLEWARE', 'CL-SSI'],
      clients: 1,
      world: (s) =>
        beowulfWorld({
          nodes: s.nodes ?? 4,
          ssi: true,
          autoJob: { kind: 'parametric', nodes: s.nodes ?? 4 },
          script: [
            { atUs: 1_000_000, cmd: { type: 'ssiLogin' } },
            { atUs: 2_000_000, cmd: { type: 'ssiTouch', node: 'n01', page: 1, write: false } },
          ],
        }),
    },
  },
} as const satisfies LabScenario;
