import type { LinkSpec, NodeSpec } from '../types';
import { LinkRt } from './link';
import { NodeRt } from './node';

/**
 * What a model may read of the network. It changes only through the kernel
 * (ModelContext.setLink and the commands), which first puts the messages in
 * flight back to hop by hop, so a change meets them the same way whoever
 * makes it.
 */
export interface NetworkView {
  readonly nodes: readonly Readonly<NodeRt>[];
  readonly links: readonly Readonly<LinkRt>[];
  node(id: string): Readonly<NodeRt> | undefined;
  link(id: string): Readonly<LinkRt> | undefined;
  /** The index of a named network (LinkSpec.net), -1 when no link is on it. */
  netIndex(name: string): number;
  nextLink(from: number, dst: number, net?: number): number;
}

/**
 * The topology at run time: nodes and links in append-only arrays (an index
 * is never reused, so trace events can name things by index), plus
 * hop-by-hop routing over the links that are up.
 */
export class Network implements NetworkView {
  readonly nodes: NodeRt[] = [];
  readonly links: LinkRt[] = [];
  private readonly nodeIndex = new Map<string, number>();
  private readonly linkIndex = new Map<string, number>();
  /** Names of the networks links belong to (LinkSpec.net), by index. */
  readonly nets: string[] = [];
  /**
   * routes[net + 1][dst] = array over sources of the link to take, computed by
   * BFS from dst over the links of that network (index 0: any link); dropped
   * when the topology changes.
   */
  private routes: (Int32Array | undefined)[][] = [];
  /** Bumped on any change that the renderer must redraw the static layer for. */
  version = 0;

  addNode(spec: NodeSpec): NodeRt {
    const n = new NodeRt(this.nodes.length, spec.id, spec.kind, spec.label, spec.platform, spec.cpuSpeed ?? 1);
    this.nodes.push(n);
    this.nodeIndex.set(spec.id, n.index);
    this.changed();
    return n;
  }

  addLink(spec: LinkSpec): LinkRt {
    const a = this.nodeIndex.get(spec.a);
    const b = this.nodeIndex.get(spec.b);
    if (a === undefined || b === undefined) throw new Error(`link ${spec.id} names an unknown node`);
    const l = new LinkRt(this.links.length, spec.id, a, b, spec, spec.net === undefined ? -1 : this.netIndex(spec.net, true));
    this.links.push(l);
    this.linkIndex.set(spec.id, l.index);
    this.nodes[a]!.links.push(l.index);
    this.nodes[b]!.links.push(l.index);
    this.changed();
    return l;
  }

  /** Marks a node and its links removed; indices stay valid for old trace events. */
  removeNode(index: number): void {
    const n = this.nodes[index]!;
    n.removed = true;
    n.up = false;
    this.nodeIndex.delete(n.id);
    for (const li of n.links) {
      const l = this.links[li]!;
      if (l.removed) continue;
      l.removed = true;
      l.epoch++;
      this.linkIndex.delete(l.id);
      this.nodes[l.other(index)]!.links.splice(this.nodes[l.other(index)]!.links.indexOf(li), 1);
    }
    n.links.length = 0;
    this.changed();
  }

  node(id: string): NodeRt | undefined {
    const i = this.nodeIndex.get(id);
    return i === undefined ? undefined : this.nodes[i];
  }

  link(id: string): LinkRt | undefined {
    const i = this.linkIndex.get(id);
    return i === undefined ? undefined : this.links[i];
  }

  /** The index of a named network, -1 if no link is on it (`add`: register it). */
  netIndex(name: string, add = false): number {
    let i = this.nets.indexOf(name);
    if (i < 0 && add) i = this.nets.push(name) - 1;
    return i;
  }

  /** Call after any change to which links are up or which nodes exist. */
  changed(): void {
    this.routes = [];
    this.version++;
  }

  /**
   * The link to take from `from` towards `dst`, or -1 when no path of up
   * links exists. Paths may pass through crashed nodes' links only if those
   * nodes are up: a crashed switch forwards nothing. With `net` ≥ 0 only
   * that network's links are used.
   */
  nextLink(from: number, dst: number, net = -1): number {
    const byDst = (this.routes[net + 1] ??= []);
    let table = byDst[dst];
    if (!table) {
      table = this.bfsFrom(dst, net);
      byDst[dst] = table;
    }
    return table[from]!;
  }

  /** BFS from the destination; table[n] = link n should send on (ties broken by link order, so deterministic). */
  private bfsFrom(dst: number, net: number): Int32Array {
    const table = new Int32Array(this.nodes.length).fill(-1);
    const seen = new Uint8Array(this.nodes.length);
    seen[dst] = 1;
    const frontier = [dst];
    for (let h = 0; h < frontier.length; h++) {
      const cur = frontier[h]!;
      // only an up node relays; the destination itself need not be up to be a target
      if (cur !== dst && !this.nodes[cur]!.up) continue;
      for (const li of this.nodes[cur]!.links) {
        const l = this.links[li]!;
        if (!l.up || (net >= 0 && l.net !== net)) continue;
        const o = l.other(cur);
        if (seen[o]) continue;
        seen[o] = 1;
        table[o] = li;
        frontier.push(o);
      }
    }
    return table;
  }
}
