import type { LabScenario } from '../../../scenario/labScenario';
import { MP_PRESET_WORLDS as W } from '../engine/world';

/** Message passing and RPC: one process pair per preset (one client each). */
export const messagingScenario = {
  picker: 'messaging',
  presets: {
    noshm: { concepts: ['MP-NOSHM', 'MP-SENDRECV', 'MP-BLOCK'], clients: 2, world: W.noshm },
    sendrecv: { concepts: ['MP-SENDRECV', 'MP-MODULE', 'MP-BLOCK'], clients: 2, world: W.sendrecv },
    reliable: { concepts: ['MP-RELIABLE', 'MP-UNRELIABLE', 'MP-MODULE', 'MP-NONBLOCK'], clients: 2, world: W.reliable },
    blocking: { concepts: ['MP-BLOCK', 'MP-NONBLOCK', 'MP-NONBLOCK-RECV', 'MP-MODULE'], clients: 4, world: W.blocking },
    rpc: { concepts: ['RPC-CALL', 'RPC-STUBS', 'RPC-SYNC', 'RPC-BYVAL'], clients: 1, world: W.rpc },
    byref: { concepts: ['RPC-BYVAL', 'RPC-BYREF', 'RPC-STUBS'], clients: 1, world: W.byref },
    binding: { concepts: ['RPC-BIND-TRANS', 'RPC-BIND-PERSIST'], clients: 1, world: W.binding },
    async: { concepts: ['RPC-SYNC', 'RPC-ASYNC'], clients: 1, world: W.async },
    orb: { concepts: ['RPC-ORB', 'RPC-CALL'], clients: 1, world: W.orb },
  },
} as const satisfies LabScenario;
