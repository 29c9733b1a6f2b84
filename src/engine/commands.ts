import { inRange, LIMITS, type LimitKey } from './limits';
import type { Simulation } from './sim';
import { PLATFORMS, type LinkSettings, type Platform } from './types';
import type { ProcessingClass } from '../labs/clientserver/engine/costModel';
import type { FailbackPolicy } from '../labs/cluster/engine/spec';
import type { Algorithm } from '../labs/balancer/engine/spec';
import type { JobKind } from '../labs/parallel/engine/spec';
import type { Binding, CallMode, RecvMode, SendMode, Service } from '../labs/messaging/engine/spec';
import type { SunDesign, SunFileOp } from '../labs/suncluster/engine/spec';

/** What a user can do to a running world. Imperative; the trace records what followed. */
export type EngineCommand =
  | { type: 'crashNode'; node: string }
  | { type: 'restartNode'; node: string }
  | { type: 'cutLink'; link: string }
  | { type: 'restoreLink'; link: string }
  | ({ type: 'setLink'; link: string } & Partial<LinkSettings>)
  | { type: 'addClient'; platform?: Platform; via?: string }
  | { type: 'removeNode'; node: string }
  | { type: 'partition'; side: string[] }
  | { type: 'heal' }
  | { type: 'setClients'; count: number }
  | { type: 'setClass'; cls: ProcessingClass; node?: string }
  | { type: 'setThinkTime'; thinkTimeUs: number }
  | { type: 'addFeature' }
  | { type: 'upgradeClients' }
  | { type: 'deploy' }
  | { type: 'failResource'; group: string; resource: string; persistent?: boolean }
  | { type: 'setQuorum'; on: boolean }
  | { type: 'setFailback'; group: string; policy: FailbackPolicy; window?: [number, number] }
  | { type: 'moveGroup'; group: string; node?: string }
  | { type: 'setAlgorithm'; algorithm: Algorithm }
  | { type: 'drainServer'; node: string; on: boolean }
  | { type: 'setWeight'; node: string; weight: number }
  | { type: 'addServer' }
  | { type: 'setInterconnect'; bps: number }
  | { type: 'setClusterMode'; mode: 'ha' | 'ft' }
  | { type: 'runJob'; kind: JobKind; nodes: number; smp?: boolean }
  | { type: 'setSmp'; processors: number }
  | { type: 'sweep'; kind: JobKind }
  | { type: 'killProcess'; pid: number }
  | { type: 'failNic'; node: string }
  | { type: 'bondStream'; node: string }
  | { type: 'setEthernet'; bps: number }
  | { type: 'setMigration'; on: boolean }
  | { type: 'setSharedNetwork'; on: boolean }
  | { type: 'ssiLogin' }
  | { type: 'ssiTouch'; node: string; page: number; write: boolean }
  | { type: 'ssiAdmin' }
  | { type: 'ssiRead'; node: string; file: number }
  | { type: 'ssiService'; node: string; service: number }
  | { type: 'ssiConsole' }
  | { type: 'mpSet'; process?: string; service?: Service; sendMode?: SendMode; copy?: boolean; recvMode?: RecvMode; corruptRate?: number }
  | { type: 'mpMutate'; process: string }
  | { type: 'rpcSet'; byRef?: boolean; binding?: Binding; mode?: CallMode; idleTimeoutUs?: number; calls?: number }
  // Sun Cluster (src/labs/suncluster/engine)
  | { type: 'sunSetDesign'; design: SunDesign }
  | { type: 'sunLoad'; sessions: number }
  | { type: 'sunCaches'; on: boolean }
  | { type: 'sunFileOp'; node: string; op: SunFileOp; path: string }
  | { type: 'sunMigrate'; pid: number; node?: string };

/** A refused command: a catalogue key for the message and the values it names. */
export interface CommandError {
  code:
    | 'unknownCommand'
    | 'unknownNode'
    | 'unknownLink'
    | 'outOfRange'
    | 'alreadyDown'
    | 'alreadyUp'
    | 'notRemovable'
    | 'noSwitch'
    | 'tooManyNodes'
    | 'badPlatform'
    | 'deployRunning'
    | 'unknownResource'
    | 'notOnline'
    | 'notMember'
    | 'unknownProcess'
    | 'lastNic'
    | 'unknownPath'
    | 'noQuorum'
    | 'groupPending'
    | 'noTarget'
    | 'notPossibleOwner'
    | 'alreadyOwner';
  params: Record<string, string | number>;
}

const err = (code: CommandError['code'], params: CommandError['params'] = {}): CommandError => ({ code, params });

/**
 * Checks a command against the current world and applies it, or explains why
 * not. A refused command changes nothing, so the run goes on as before.
 */
export function applyCommand(sim: Simulation, cmd: EngineCommand): CommandError | null {
  const net = sim.net;
  switch (cmd.type) {
    case 'crashNode':
    case 'restartNode':
    case 'removeNode': {
      const n = net.node(cmd.node);
      if (!n) return err('unknownNode', { id: String(cmd.node) });
      if (cmd.type === 'crashNode') {
        if (!n.up) return err('alreadyDown', { id: n.id });
        sim.crashNode(n.index);
      } else if (cmd.type === 'restartNode') {
        if (n.up) return err('alreadyUp', { id: n.id });
        sim.restartNode(n.index);
      } else {
        if (n.kind !== 'client') return err('notRemovable', { id: n.id });
        sim.removeNode(n.index);
      }
      return null;
    }
    case 'cutLink':
    case 'restoreLink': {
      const l = net.link(cmd.link);
      if (!l) return err('unknownLink', { id: String(cmd.link) });
      const cut = cmd.type === 'cutLink';
      if (cut === l.cut) return err(cut ? 'alreadyDown' : 'alreadyUp', { id: l.id });
      sim.setLinkCut(l.index, cut);
      return null;
    }
    case 'setLink': {
      const l = net.link(cmd.link);
      if (!l) return err('unknownLink', { id: String(cmd.link) });
      const keys: (keyof LinkSettings & LimitKey)[] = ['latencyUs', 'jitterUs', 'bandwidthBps', 'lossRate'];
      for (const k of keys) {
        const v = cmd[k];
        if (v !== undefined && !inRange(k, v)) return err('outOfRange', { field: k, value: String(v), min: LIMITS[k].min, max: LIMITS[k].max });
      }
      sim.setLinkSettings(l.index, cmd);
      return null;
    }
    case 'addClient':
      return addClient(sim, cmd.platform ?? 'windows-pc', cmd.via);
    case 'partition': {
      const side = new Set<number>();
      for (const id of cmd.side) {
        const n = net.node(id);
        if (!n) return err('unknownNode', { id: String(id) });
        side.add(n.index);
      }
      sim.setPartition(side);
      return null;
    }
    case 'heal':
      sim.setPartition(null);
      return null;
    case 'setClients':
      return setClients(sim, cmd.count);
    case 'setThinkTime':
      if (!inRange('thinkTimeUs', cmd.thinkTimeUs)) return err('outOfRange', { field: 'thinkTimeUs', value: String(cmd.thinkTimeUs), min: LIMITS.thinkTimeUs.min, max: LIMITS.thinkTimeUs.max });
      return toModels(sim, cmd);
    default:
      return toModels(sim, cmd);
  }
}

/** Offers a command to each model in turn; the first that knows it answers. */
function toModels(sim: Simulation, cmd: EngineCommand): CommandError | null {
  for (let i = 0; i < sim.models.length; i++) {
    const r = sim.models[i]!.command?.(sim.contextOf(i), cmd);
    if (r !== undefined) return r;
  }
  return err('unknownCommand', { type: String((cmd as { type?: unknown }).type) });
}

/** Adds clients (cycling through the platforms) or removes the newest ones until there are `count`. */
function setClients(sim: Simulation, count: number): CommandError | null {
  if (!Number.isInteger(count) || !inRange('clients', count)) return err('outOfRange', { field: 'clients', value: String(count), min: LIMITS.clients.min, max: LIMITS.clients.max });
  const live = () => sim.net.nodes.filter((n) => n.kind === 'client' && !n.removed);
  const platforms: Platform[] = ['windows-pc', 'linux-ws', 'mac'];
  while (live().length < count) {
    const e = addClient(sim, platforms[live().length % platforms.length]!, undefined);
    if (e) return e;
  }
  for (const n of live().slice(count).reverse()) sim.removeNode(n.index);
  return null;
}

const PLATFORM_PREFIX: Partial<Record<Platform, string>> = { 'windows-pc': 'pc', 'linux-ws': 'ws', mac: 'mac', terminal: 'tty' };

function addClient(sim: Simulation, platform: Platform, via: string | undefined): CommandError | null {
  const net = sim.net;
  if (!PLATFORMS.includes(platform)) return err('badPlatform', { value: String(platform) });
  if (net.nodes.length >= LIMITS.maxNodes.max) return err('tooManyNodes', { max: LIMITS.maxNodes.max });
  // attach where the existing clients attach, with the same kind of link
  const sample = net.nodes.find((n) => n.kind === 'client' && !n.removed && n.links.length > 0);
  const sampleLink = sample ? net.links[sample.links[0]!]! : undefined;
  const hub = via !== undefined ? net.node(via) : sampleLink ? net.nodes[sampleLink.other(sample!.index)] : net.nodes.find((n) => n.kind === 'switch' && !n.removed);
  if (via !== undefined && !hub) return err('unknownNode', { id: via });
  if (!hub) return err('noSwitch');
  let k = net.nodes.filter((n) => n.kind === 'client').length + 1;
  const prefix = PLATFORM_PREFIX[platform] ?? 'host';
  let id = `client-${k}`;
  while (net.node(id)) id = `client-${++k}`;
  const settings: LinkSettings = sampleLink ?? { latencyUs: 200, jitterUs: 50, bandwidthBps: 100_000_000, lossRate: 0 };
  sim.addNode(
    { id, kind: 'client', label: `${prefix}-${String(k).padStart(2, '0')}`, platform, cpuSpeed: sample?.cpuSpeed ?? 1 },
    [{ id: `${id}~${hub.id}`, a: id, b: hub.id, latencyUs: settings.latencyUs, jitterUs: settings.jitterUs, bandwidthBps: settings.bandwidthBps, lossRate: settings.lossRate }],
  );
  return null;
}
