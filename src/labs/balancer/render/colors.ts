import type { FamilyColors } from '../../../render/labColors';

/** The colours of this lab's message kinds (render/labColors.ts gathers every lab's). */
export const balancerColors = {
  // load balancer: health checks and adverts light so the traffic stands out
  'lb.request': '#1E40AF',
  'lb.forward': '#6D28D9',
  'lb.fetch': '#B45309',
  'lb.data': '#15803D',
  'lb.response': '#9D174D',
  'lb.reply': '#047857',
  'lb.check': '#A8A29E',
  'lb.advert': '#64748B',
} satisfies FamilyColors<'lb'>;
