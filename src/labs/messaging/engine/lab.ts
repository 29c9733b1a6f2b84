import type { LabEngine } from '../../../engine/labEngine';
import { MessagingModel } from './messagingModel';

/** Message passing and RPC: processes, the message-passing module, stubs, binding, the broker. */
export const messagingLab = {
  create: (world) => (world.messaging ? new MessagingModel(structuredClone(world.messaging)) : undefined),
} satisfies LabEngine<MessagingModel>;
