import type { FamilyColors } from '../../../render/labColors';

/** The colours of this lab's message kinds (render/labColors.ts gathers every lab's). */
export const clientServerColors = {
  // client/server
  'cs.request': '#0072B2',
  'cs.query': '#D55E00',
  'cs.result': '#009E73',
  'cs.response': '#B8649A',
  'cs.keystroke': '#C17A00',
  'cs.echo': '#3C93C2',
  'cs.screen': '#1F2937',
  'cs.package': '#8C510A',
} satisfies FamilyColors<'cs'>;
