import type { LinkSpec, NodeSpec, WorldSpec } from '../../../engine/types';
import { MP_DEFAULTS, RPC_DEFAULTS, type MessagingSpec, type ProcSpec, type RpcSpec } from './spec';

/** A WAN-ish link: 20 ms one way, so arrows in the space-time diagram have a visible slope. */
const wan = (latencyUs = 20_000, lossRate = 0) => ({ latencyUs, jitterUs: 2_000, bandwidthBps: 10_000_000, lossRate });

export interface MpWorldOptions {
  /** Machines (hosts) and the processes on them. */
  hosts: { id: string; label: string; platform?: NodeSpec['platform']; server?: boolean }[];
  processes: ProcSpec[];
  /** Loss rate per host link (by host id). */
  loss?: Record<string, number>;
  latencyUs?: number;
  settings?: Partial<MessagingSpec>;
  rpc?: Partial<RpcSpec>;
}

/**
 * Machines without shared memory around one switch (MP-NOSHM): each host
 * has its own link, so a lossy or slow link belongs to one machine.
 */
export function messagingWorld(o: MpWorldOptions): WorldSpec {
  const nodes: NodeSpec[] = [{ id: 'net', kind: 'switch', label: 'network', platform: 'network' }];
  const links: LinkSpec[] = [];
  for (const h of o.hosts) {
    nodes.push({ id: h.id, kind: h.server ? 'server' : 'client', label: h.label, platform: h.platform ?? (h.server ? 'linux-server' : 'linux-ws') });
    links.push({ id: `${h.id}~net`, a: h.id, b: 'net', ...wan(o.latencyUs, o.loss?.[h.id] ?? 0) });
  }
  const messaging: MessagingSpec = { ...MP_DEFAULTS, processes: o.processes, ...o.settings };
  if (o.rpc) messaging.rpc = { ...RPC_DEFAULTS, ...o.rpc };
  return { nodes, links, messaging };
}

const host = (id: string, label: string, server = false) => ({ id, label, server });

/** Lesson worlds, one per preset. */
export const MP_WORLDS = {
  /** MP-SENDRECV, MP-MODULE: one producer Sends to one consumer that Receives from it. */
  sendrecv: (): WorldSpec =>
    messagingWorld({
      hosts: [host('m1', 'machine-1'), host('m2', 'machine-2')],
      processes: [
        { id: 'A', label: 'A', node: 'm1', program: 'producer', peer: 'B' },
        { id: 'B', label: 'B', node: 'm2', program: 'consumer', peer: 'A' },
      ],
    }),
  /** MP-RELIABLE vs MP-UNRELIABLE: two pairs over the same lossy link, one of each service; non-blocking senders keep several messages in flight, so a loss makes later ones wait in the reorder buffer. */
  reliable: (): WorldSpec =>
    messagingWorld({
      hosts: [host('m1', 'sender'), host('m2', 'receiver')],
      loss: { m2: 0.2 },
      settings: { corruptRate: 0.05, rtoInitUs: 200_000, intervalUs: 80_000 },
      processes: [
        { id: 'R1', label: 'R-send', node: 'm1', program: 'producer', peer: 'R2', service: 'reliable', sendMode: 'nonblocking' },
        { id: 'R2', label: 'R-recv', node: 'm2', program: 'consumer', peer: 'R1', service: 'reliable' },
        { id: 'U1', label: 'U-send', node: 'm1', program: 'producer', peer: 'U2', service: 'unreliable', sendMode: 'nonblocking' },
        { id: 'U2', label: 'U-recv', node: 'm2', program: 'consumer', peer: 'U1', service: 'unreliable' },
      ],
    }),
  /** MP-BLOCK, MP-NONBLOCK, MP-NONBLOCK-RECV: a blocking pair beside a non-blocking, no-copy pair whose receiver polls. */
  blocking: (): WorldSpec =>
    messagingWorld({
      hosts: [host('m1', 'machine-1'), host('m2', 'machine-2'), host('m3', 'machine-3'), host('m4', 'machine-4')],
      settings: { intervalUs: 150_000 },
      processes: [
        { id: 'B1', label: 'blocking', node: 'm1', program: 'producer', peer: 'B2', sendMode: 'blocking' },
        { id: 'B2', label: 'recv-block', node: 'm2', program: 'consumer', peer: 'B1', recvMode: 'blocking' },
        { id: 'N1', label: 'non-block', node: 'm3', program: 'producer', peer: 'N2', sendMode: 'nonblocking', copy: false },
        { id: 'N2', label: 'recv-poll', node: 'm4', program: 'consumer', peer: 'N1', recvMode: 'polling' },
      ],
    }),
  /** MP-NOSHM: two machines each with its own copy of "the" semaphore, then a token passed by messages. */
  noshm: (): WorldSpec =>
    messagingWorld({
      hosts: [host('m1', 'machine-1'), host('m2', 'machine-2')],
      settings: { noshmSwitchUs: 10_000_000, intervalUs: 100_000 },
      processes: [
        { id: 'P1', label: 'P1', node: 'm1', program: 'noshm', peer: 'P2' },
        { id: 'P2', label: 'P2', node: 'm2', program: 'noshm', peer: 'P1' },
      ],
    }),
  rpc: (rpc: Partial<RpcSpec> = {}, loss?: Record<string, number>, latencyUs?: number): WorldSpec =>
    messagingWorld({
      latencyUs,
      hosts: [host('c', 'client'), host('s', 'server', true)],
      loss,
      processes: [
        { id: 'C', label: 'caller', node: 'c', program: 'rpcClient', peer: 'S' },
        { id: 'S', label: 'server', node: 's', program: 'rpcServer' },
      ],
      rpc: { calls: 1, ...rpc },
    }),
  /** RPC-ORB: the client asks a broker; the directory has Account and Stock, not Printer. */
  orb: (): WorldSpec =>
    messagingWorld({
      hosts: [host('c', 'client'), host('b', 'broker', true), host('s1', 'accounts', true), host('s2', 'stock', true)],
      processes: [
        { id: 'C', label: 'client', node: 'c', program: 'rpcClient', peer: 'ORB' },
        { id: 'ORB', label: 'broker', node: 'b', program: 'broker' },
        { id: 'ACC', label: 'Account', node: 's1', program: 'rpcServer' },
        { id: 'STK', label: 'Stock', node: 's2', program: 'rpcServer' },
      ],
      rpc: { calls: 3, directory: { Account: 'ACC', Stock: 'STK' }, objects: ['Account', 'Stock', 'Printer'] },
    }),
} as const;

const at = (w: WorldSpec, atUs: number, cmd: NonNullable<WorldSpec['script']>[number]['cmd']): WorldSpec => ({ ...w, script: [...(w.script ?? []), { atUs, cmd }] });

/** The built-in presets of this lab (scenario names → worlds). */
export const MP_PRESET_WORLDS = {
  noshm: MP_WORLDS.noshm,
  sendrecv: MP_WORLDS.sendrecv,
  reliable: MP_WORLDS.reliable,
  blocking: MP_WORLDS.blocking,
  /** Slow stubs, a slow P and a 50 ms network, so each step of one call can be followed. */
  rpc: () => MP_WORLDS.rpc({ calls: 1, marshalUs: 40_000, execUs: 150_000, thinkUs: 1_500_000 }, undefined, 50_000),
  /** By value for the first 6 s, then by reference: the panel's table compares both. */
  byref: () => at(MP_WORLDS.rpc({ calls: 1 }), 6_000_000, { type: 'rpcSet', byRef: true }),
  /** A handshake per call for the first 8 s, then one persistent connection. */
  binding: () => at(MP_WORLDS.rpc({ calls: 5, binding: 'transient' }), 8_000_000, { type: 'rpcSet', binding: 'persistent' }),
  /** Sync and async batches of the same 5 calls take turns. */
  async: () => MP_WORLDS.rpc({ calls: 5, mode: 'alternate' }),
  orb: MP_WORLDS.orb,
} as const;
