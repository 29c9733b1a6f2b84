import type { FamilyColors } from '../../../render/labColors';

/** The colours of this lab's message kinds (render/labColors.ts gathers every lab's). */
export const parallelColors = {
  // Beowulf
  'par.spawn': '#0B5394',
  'par.result': '#38761D',
  'par.chunk': '#B45F06',
  'par.data': '#0C343D',
  'par.arrive': '#741B47',
  'par.release': '#8A6A00',
  'par.checkpoint': '#3D85C6',
  'par.signal': '#990000',
} satisfies FamilyColors<'par'>;
