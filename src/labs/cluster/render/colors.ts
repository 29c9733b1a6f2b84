import type { FamilyColors } from '../../../render/labColors';

/** The colours of this lab's message kinds (render/labColors.ts gathers every lab's). */
export const clusterColors = {
  // cluster: heartbeats grey so the service traffic stands out
  'cl.heartbeat': '#94A3B8',
  'cl.regroup': '#B91C1C',
  'cl.regroupAck': '#EA580C',
  'cl.view': '#7C3AED',
  'cl.gumUpdate': '#0E7490',
  'cl.gumAck': '#65A30D',
  'cl.request': '#1D4ED8',
  'cl.reply': '#BE185D',
  // cluster data: copies between separate servers, shared-disk locks
  'cldata.copy': '#0D9488',
  'cldata.copyAck': '#115E59',
  'cldata.lock': '#A21CAF',
  'cldata.lockGrant': '#701A75',
} satisfies FamilyColors<'cl' | 'cldata'>;
