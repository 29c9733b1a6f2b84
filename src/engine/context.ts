import type { Prng } from './kernel/prng';
import type { TraceType } from './kernel/trace';
import type { Message, ModelContext } from './model';
import type { NetworkView } from './net/network';
import type { Simulation } from './sim';
import type { LinkSettings, LinkSpec, NodeSpec } from './types';

/**
 * What one model sees of the kernel. A class rather than an object of
 * closures: its methods are shared and inline well on the hot path (every
 * message and timer passes through here), and a fork rebuilds it on the copy.
 */
export class KernelContext implements ModelContext {
  constructor(
    private readonly sim: Simulation,
    private readonly model: number,
    readonly rng: Prng,
  ) {}

  get nowUs(): number {
    return this.sim.nowUs;
  }

  get net(): NetworkView {
    return this.sim.net;
  }

  setLink(index: number, settings: Partial<LinkSettings>): void {
    this.sim.setLinkSettings(index, settings);
  }

  setCpuSpeed(node: number, speed: number): void {
    this.sim.net.nodes[node]!.cpuSpeed = speed;
  }

  send(src: number, dst: number, kind: number, bytes: number, payload: unknown, net = -1): void {
    this.sim.sendMessage(this.model, src, dst, kind, bytes, payload, net);
  }

  setTimer(node: number, delayUs: number, tag: number, data?: unknown): void {
    this.sim.setTimer(this.model, node, delayUs, tag, data);
  }

  work(node: number, workUs: number, tag: number, data?: unknown): void {
    this.sim.startWork(node, { workUs, tag, data, model: this.model });
  }

  addNode(spec: NodeSpec, links: LinkSpec[]): number {
    return this.sim.addNode(spec, links);
  }

  emit(type: TraceType, node = -1, peer = -1, msg = -1, a = 0, b = 0, c = 0): void {
    this.sim.emit(type, node, peer, -1, msg, a, b, c);
  }
}

/**
 * A message as the kernel creates it, before its first hop. A class, so
 * every message shares one shape with its clock fields laid out as numbers
 * from the start (a literal cost about twice the memory per message).
 */
class KernelMessage implements Message {
  at: number;
  link = -1;
  linkEpoch = 0;
  txStartUs = 0;
  arriveUs = 0;
  lost = false;
  path = -1;
  shown = 0;
  gen = 0;

  constructor(
    readonly id: number,
    readonly model: number,
    readonly src: number,
    readonly dst: number,
    readonly kind: number,
    readonly bytes: number,
    readonly payload: unknown,
    readonly net: number,
  ) {
    this.at = src;
  }
}

export function newMessage(id: number, model: number, src: number, dst: number, kind: number, bytes: number, payload: unknown, net = -1): Message {
  return new KernelMessage(id, model, src, dst, kind, bytes, payload, net);
}
