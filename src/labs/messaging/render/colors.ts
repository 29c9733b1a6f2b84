import type { FamilyColors } from '../../../render/labColors';

/** The colours of this lab's message kinds (render/labColors.ts gathers every lab's). */
export const messagingColors = {
  // message passing and RPC
  'mp.data': '#0F766E',
  'mp.ack': '#A16207',
  'mp.call': '#9333EA',
  'mp.reply': '#DB2777',
  'mp.connect': '#4D7C0F',
  'mp.accept': '#C2410C',
  'mp.close': '#0369A1',
  'mp.deref': '#57534E',
  'mp.derefReply': '#57534E',
} satisfies FamilyColors<'mp'>;
