import type { CommandError, EngineCommand } from '../../../engine/commands';
import { inRange, LIMITS } from '../../../engine/limits';
import type { Message, Model, ModelContext } from '../../../engine/model';
import type { NetworkView } from '../../../engine/net/network';
import { Dispatcher, servedRate } from './dispatcher';
import { ALGORITHMS, BL_MSG, SERVER_STATES, type BalancerSnapshot, type BalancerSpec } from './spec';
import { Traffic, WARMUP_US } from './traffic';
import { SETTING } from '../../../engine/kernel/trace';

export { BL_MSG };

/**
 * A load-balanced service (CL-LB, CL-SCALE-INC, CL-SPOF, CL-NET-BOTTLENECK):
 * a dispatcher (or a VRRP pair) in front of service nodes, with the balancing
 * algorithms, health checks, drain, weights, and nodes added while it runs.
 */
export class BalancerModel implements Model {
  readonly name = 'balancer';
  readonly d: Dispatcher;
  readonly traffic: Traffic;
  private net: NetworkView | null = null;
  /** The time of the last event this model saw, so the snapshot can give rates. */
  private nowUs = 0;

  constructor(readonly spec: BalancerSpec) {
    this.d = new Dispatcher(spec);
    this.traffic = new Traffic(spec, this.d);
  }

  init(ctx: ModelContext): void {
    this.net = ctx.net;
    this.d.init(ctx);
    for (const n of ctx.net.nodes) this.traffic.startClient(ctx, n.index);
    this.traffic.markServers(0, this.usable(), this.icBps());
  }

  /** The interconnect's bandwidth now (0 without one). */
  private icBps(): number {
    return this.net?.link(this.spec.interconnectLinks[0] ?? '')?.bandwidthBps ?? 0;
  }

  /** Service nodes that are up, healthy and in rotation. */
  private usable(): number {
    return this.d.backends.filter((b) => b.healthy && !b.drain && !b.removed).length;
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    this.nowUs = ctx.nowUs;
    if (!this.d.onTimer(ctx, node, tag, data)) this.traffic.onTimer(ctx, node, tag, data);
    this.traffic.markServers(ctx.nowUs, this.usable(), this.icBps());
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    this.nowUs = ctx.nowUs;
    if (msg.kind === BL_MSG.check) this.d.onCheck(ctx, node, msg.src, msg.payload as never);
    else if (msg.kind === BL_MSG.advert) this.d.onAdvert(ctx, node, (msg.payload as { from: number }).from);
    else this.traffic.onMessage(ctx, node, msg);
  }

  onWorkDone(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    this.traffic.onWorkDone(ctx, node, tag, data);
  }

  onNodeCrashed(_ctx: ModelContext, node: number): void {
    this.d.onCrash(node);
  }

  onNodeRestarted(ctx: ModelContext, node: number): void {
    this.d.onRestart(ctx, node);
    this.traffic.startClient(ctx, node);
  }

  onNodeAdded(ctx: ModelContext, node: number): void {
    this.traffic.startClient(ctx, node);
  }

  private backendOf(id: string): number {
    return this.d.backends.findIndex((b) => b.id === id && !b.removed);
  }

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'setAlgorithm':
        if (!ALGORITHMS.includes(cmd.algorithm)) return { code: 'outOfRange', params: { field: 'algorithm', value: String(cmd.algorithm), min: 0, max: 0 } };
        this.spec.algorithm = cmd.algorithm;
        ctx.emit('settingChanged', -1, -1, -1, ALGORITHMS.indexOf(cmd.algorithm), SETTING.algorithm);
        return null;
      case 'drainServer': {
        const s = this.backendOf(cmd.node);
        if (s < 0) return { code: 'unknownNode', params: { id: String(cmd.node) } };
        this.d.backends[s]!.drain = cmd.on;
        ctx.emit('serverDrained', this.d.backends[s]!.node, -1, -1, cmd.on ? 1 : 0, s);
        this.traffic.markServers(ctx.nowUs, this.usable(), this.icBps());
        return null;
      }
      case 'setWeight': {
        const s = this.backendOf(cmd.node);
        if (s < 0) return { code: 'unknownNode', params: { id: String(cmd.node) } };
        if (!inRange('weight', cmd.weight)) return { code: 'outOfRange', params: { field: 'weight', value: String(cmd.weight), min: LIMITS.weight.min, max: LIMITS.weight.max } };
        this.d.backends[s]!.weight = cmd.weight;
        ctx.emit('settingChanged', this.d.backends[s]!.node, -1, -1, cmd.weight, SETTING.weight);
        return null;
      }
      case 'addServer':
        return this.addServer(ctx);
      case 'setInterconnect': {
        if (!inRange('bandwidthBps', cmd.bps)) return { code: 'outOfRange', params: { field: 'bandwidthBps', value: String(cmd.bps), min: LIMITS.bandwidthBps.min, max: LIMITS.bandwidthBps.max } };
        for (const id of this.spec.interconnectLinks) {
          const l = ctx.net.link(id);
          if (l) ctx.setLink(l.index, { bandwidthBps: cmd.bps });
        }
        ctx.emit('settingChanged', -1, -1, -1, cmd.bps, SETTING.bandwidth);
        this.traffic.markServers(ctx.nowUs, this.usable(), this.icBps());
        return null;
      }
      default:
        return undefined;
    }
  }

  /** A new service node joins the pool; the dispatcher starts using it once it passes `rise` health checks. */
  private addServer(ctx: ModelContext): CommandError | null {
    if (ctx.net.nodes.length >= LIMITS.maxNodes.max) return { code: 'tooManyNodes', params: { max: LIMITS.maxNodes.max } };
    let k = this.d.backends.length + 1;
    while (ctx.net.node(`web-${k}`)) k++;
    const id = `web-${k}`;
    const w = this.spec.wiring;
    const links = [{ id: `${id}~lan`, a: id, b: w.lan, ...w.lanLink }];
    if (w.ic) {
      const sample = ctx.net.link(this.spec.interconnectLinks[0] ?? '');
      links.push({ id: `${id}~ic`, a: id, b: w.ic, latencyUs: 100, jitterUs: 20, bandwidthBps: sample?.bandwidthBps ?? 1e9, lossRate: 0 });
      this.spec.interconnectLinks.push(`${id}~ic`);
    }
    const node = ctx.addNode({ id, kind: 'server', label: id, platform: 'linux-server', cpuSpeed: this.spec.newServer.cpuSpeed }, links);
    this.spec.servers.push({ id, weight: this.spec.newServer.weight });
    this.d.add(ctx, id, this.spec.newServer.weight, false);
    ctx.emit('serverAdded', node, -1, -1, this.d.backends.length - 1);
    return null;
  }

  describe(msg: Message): Record<string, string | number> {
    const p = msg.payload as { id?: number; server?: number; round?: number };
    if (msg.kind === BL_MSG.check || msg.kind === BL_MSG.advert) return p.round !== undefined ? { checkRound: p.round } : {};
    const server = this.d.backends[p.server ?? -1]?.id;
    return { request: p.id ?? '', ...(server ? { server } : {}) };
  }

  stats(nowUs: number) {
    const t = this.traffic;
    const total = t.completed + t.failed;
    const { p50, p95 } = t.latencyQuantiles();
    const live = this.d.backends.filter((b) => !b.removed && b.node >= 0);
    return {
      requestsCompleted: t.completed,
      requestsFailed: t.failed,
      requestsRefused: t.refused,
      latencyP50Us: p50,
      latencyP95Us: p95,
      successRate: total ? t.completed / total : 1,
      serversInRotation: this.usable(),
      interconnectUtil: this.traffic.interconnectUtil(nowUs, this.net?.link(this.spec.interconnectLinks[0] ?? '')?.bandwidthBps ?? 0),
      serverUtil: live.length ? live.reduce((s, b) => s + (this.net?.nodes[b.node]?.utilization(nowUs) ?? 0), 0) / live.length : 0,
    };
  }

  snapshot(): BalancerSnapshot {
    const lastUs = (i: number) => this.traffic.epochs[i + 1]?.startUs;
    return {
      algorithm: this.spec.algorithm,
      balancers: this.d.lbs,
      master: this.d.lbs.map((_, i) => !!this.d.master[i]),
      backends: this.d.backends
        .filter((b) => !b.removed)
        .map((b) => ({ id: b.id, node: b.node, weight: b.weight, state: SERVER_STATES.indexOf(this.d.state(b)), active: b.active, served: b.served, rate: servedRate(b, this.nowUs) })),
      // completed requests per second while the pool had n nodes, after the ramp-up
      epochs: this.traffic.epochs.map((e, i) => ({ servers: e.servers, bps: e.bps, startUs: e.startUs, endUs: lastUs(i) ?? -1, completed: e.completed, warmupUs: WARMUP_US })),
      storage: this.spec.storage ?? null,
      interconnectLinks: this.spec.interconnectLinks,
      fetchBytes: this.spec.fetchBytes,
    };
  }
}
