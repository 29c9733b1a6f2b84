import type { FamilyColors } from '../../../render/labColors';

/** The colours of this lab's message kinds (render/labColors.ts gathers every lab's). */
export const sunClusterColors = {
  // Sun Cluster: packets, replies, interconnect forwards, outbound, IDL invocations, results, invalidations, resets
  'sun.packet': '#2B6CB0',
  'sun.reply': '#2F855A',
  'sun.forward': '#6B46C1',
  'sun.outbound': '#975A16',
  'sun.invoke': '#C53030',
  'sun.result': '#2C7A7B',
  'sun.invalidate': '#D53F8C',
  'sun.reset': '#4A5568',
} satisfies FamilyColors<'sun'>;
