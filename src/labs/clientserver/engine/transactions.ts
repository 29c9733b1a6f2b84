import type { CommandError, EngineCommand } from '../../../engine/commands';
import type { Message, Model, ModelContext } from '../../../engine/model';
import type { WorkloadSpec } from '../../../engine/types';
import { CLASSES, COST, CS_MSG, drawQuery, plan, requestText, sqlText, type Place, type ProcessingClass, type Query, type Step } from './costModel';
import { Deployment } from './deployment';
import { TxStats } from './txStats';

/** The client/server lab's state for the panels: each node's class of processing (an index in CLASSES, -1 for non-clients), and the default. */
export interface ClientServerSnapshot {
  classes: number[];
  defaultClass: number;
}

const THINK = 0;
const TIMEOUT = 1;
const KEY = 2;
const STEP = 0;
const ECHO = 1;
const INSTALL = 2;

/** One user transaction on its way through the machines. */
interface Tx {
  id: number;
  client: number;
  cls: ProcessingClass;
  q: Query;
  steps: readonly Step[];
  step: number;
  /** Messages of a multi-message leg received so far. */
  got: number;
  keysSent: number;
  keysSeen: number;
  startUs: number;
  bytes: number;
  messages: number;
  clientUs: number;
  serverUs: number;
  done: boolean;
}

/** Why a transaction failed: the `a` field of requestFailed. */
export const FAIL = { timeout: 0 } as const;

/**
 * Users at client machines run transactions ("orders of customer 42 over
 * 100 euros") whose work is spread over client, application server and
 * database server according to each client's class of processing. A closed
 * loop: think, run one transaction (or give up at the timeout), think again.
 */
export class TransactionModel implements Model {
  readonly name = 'clientserver';
  private server = -1;
  private db = -1;
  private cls: ProcessingClass[] = [];
  private current: (Tx | null)[] = [];
  private nextTx = 1;
  feature = 1;
  clientUpgrades = 0;
  readonly stats$ = new TxStats();
  private readonly deploy = new Deployment();
  private net: ModelContext['net'] | null = null;

  constructor(private readonly w: WorkloadSpec) {}

  init(ctx: ModelContext): void {
    this.net = ctx.net;
    this.server = ctx.net.node(this.w.server)?.index ?? -1;
    this.db = ctx.net.node(this.w.db)?.index ?? -1;
    for (const n of ctx.net.nodes) this.onNodeAdded(ctx, n.index);
  }

  classOf(node: number): ProcessingClass {
    return this.cls[node] ?? this.w.processing;
  }

  onNodeAdded(ctx: ModelContext, node: number): void {
    this.cls[node] = this.w.processing;
    this.current[node] = null;
    if (ctx.net.nodes[node]!.kind === 'client') this.think(ctx, node);
  }

  private think(ctx: ModelContext, client: number): void {
    ctx.setTimer(client, ctx.rng.exp(this.w.thinkTimeMeanUs), THINK);
  }

  private place(p: Place, tx: Tx): number {
    return p === 'client' ? tx.client : p === 'server' || tx.cls === 'host' ? this.server : this.db;
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === THINK) this.begin(ctx, node);
    else if (tag === KEY) this.type(ctx, data as Tx);
    else if (tag === TIMEOUT) {
      const tx = data as Tx;
      if (tx.done || this.current[node] !== tx) return;
      tx.done = true;
      this.current[node] = null;
      this.stats$.failed++;
      ctx.emit('requestFailed', node, this.server, tx.id, FAIL.timeout);
      this.think(ctx, node);
    }
  }

  private begin(ctx: ModelContext, client: number): void {
    if (this.server < 0) return;
    const cls = this.classOf(client);
    const q = drawQuery(ctx.rng);
    const tx: Tx = {
      id: this.nextTx++, client, cls, q, steps: plan(cls, q, this.feature), step: 0, got: 0, keysSent: 0, keysSeen: 0,
      startUs: ctx.nowUs, bytes: 0, messages: 0, clientUs: 0, serverUs: 0, done: false,
    };
    this.current[client] = tx;
    this.stats$.started++;
    // a fat client asks the database directly; every other class asks the (application or central) server
    ctx.emit('requestStarted', client, cls === 'client' ? this.db : this.server, tx.id, q.customer, q.minTotal, CLASSES.indexOf(cls));
    // a terminal user types the request key by key; the clock for the answer starts at Enter
    if (cls === 'host') this.type(ctx, tx);
    else this.launch(ctx, tx);
  }

  private launch(ctx: ModelContext, tx: Tx): void {
    tx.startUs = ctx.nowUs;
    ctx.setTimer(tx.client, this.w.timeoutUs, TIMEOUT, tx);
    this.runStep(ctx, tx);
  }

  private type(ctx: ModelContext, tx: Tx): void {
    if (tx.done) return;
    tx.keysSent++;
    this.send(ctx, tx, tx.client, this.server, CS_MSG.keystroke, COST.keystrokeBytes);
    if (tx.keysSent < COST.keystrokes) ctx.setTimer(tx.client, COST.typingIntervalUs, KEY, tx);
    else this.armTimeout(ctx, tx);
  }

  private armTimeout(ctx: ModelContext, tx: Tx): void {
    tx.startUs = ctx.nowUs;
    ctx.setTimer(tx.client, this.w.timeoutUs, TIMEOUT, tx);
  }

  private runStep(ctx: ModelContext, tx: Tx): void {
    const s = tx.steps[tx.step]!;
    ctx.work(this.place(s.at, tx), s.workUs, STEP, tx);
  }

  private send(ctx: ModelContext, tx: Tx, from: number, to: number, kind: number, bytes: number): void {
    tx.bytes += bytes;
    tx.messages++;
    ctx.send(from, to, kind, bytes, tx);
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    if (msg.kind === CS_MSG.package) {
      ctx.work(node, COST.clientInstallUs, INSTALL, null);
      return;
    }
    const tx = msg.payload as Tx;
    if (tx.done) return;
    if (msg.kind === CS_MSG.keystroke) {
      ctx.work(node, COST.echoUs, ECHO, tx);
      return;
    }
    if (msg.kind === CS_MSG.echo) return;
    const leg = tx.steps[tx.step]!;
    if (++tx.got < (leg.send?.count ?? 1)) return;
    tx.got = 0;
    tx.step++;
    this.runStep(ctx, tx);
  }

  onWorkDone(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (tag === INSTALL) {
      this.deploy.installed(ctx, node);
      return;
    }
    const tx = data as Tx;
    if (tx.done) return;
    if (tag === ECHO) {
      this.send(ctx, tx, node, tx.client, CS_MSG.echo, COST.keystrokeBytes);
      if (++tx.keysSeen === COST.keystrokes) this.runStep(ctx, tx);
      return;
    }
    const s = tx.steps[tx.step]!;
    const spent = s.workUs / ctx.net.nodes[node]!.cpuSpeed;
    if (s.at === 'client') tx.clientUs += spent;
    else tx.serverUs += spent;
    if (!s.send) return this.complete(ctx, tx);
    const to = this.place(s.send.to, tx);
    for (let i = 0; i < (s.send.count ?? 1); i++) this.send(ctx, tx, node, to, s.send.kind, s.send.bytes);
  }

  private complete(ctx: ModelContext, tx: Tx): void {
    tx.done = true;
    this.current[tx.client] = null;
    const latency = ctx.nowUs - tx.startUs;
    this.stats$.complete(ctx.nowUs, latency, tx);
    ctx.emit('requestCompleted', tx.client, this.server, tx.id, latency, tx.bytes, tx.messages);
    this.think(ctx, tx.client);
  }

  onNodeCrashed(_ctx: ModelContext, node: number): void {
    // a crashed client forgets its transaction; its user starts over after the restart
    const tx = this.current[node];
    if (tx) tx.done = true;
    this.current[node] = null;
  }

  onNodeRestarted(ctx: ModelContext, node: number): void {
    if (ctx.net.nodes[node]!.kind === 'client') this.think(ctx, node);
  }

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'setClass': {
        const targets = cmd.node === undefined ? ctx.net.nodes.filter((n) => n.kind === 'client').map((n) => n.index) : [ctx.net.node(cmd.node)?.index ?? -1];
        if (targets[0] === -1) return { code: 'unknownNode', params: { id: String(cmd.node) } };
        if (cmd.node === undefined) this.w.processing = cmd.cls;
        for (const t of targets) this.cls[t] = cmd.cls;
        ctx.emit('classChanged', cmd.node === undefined ? -1 : targets[0], -1, -1, CLASSES.indexOf(cmd.cls));
        return null;
      }
      case 'setThinkTime':
        this.w.thinkTimeMeanUs = cmd.thinkTimeUs;
        ctx.emit('settingChanged', -1, -1, -1, cmd.thinkTimeUs);
        return null;
      case 'addFeature':
        this.feature *= 2;
        ctx.emit('featureAdded', -1, -1, -1, this.feature);
        return null;
      case 'upgradeClients':
        for (const n of ctx.net.nodes) if (n.kind === 'client' && !n.removed) ctx.setCpuSpeed(n.index, n.cpuSpeed * 2);
        this.clientUpgrades++;
        ctx.emit('clientsUpgraded', -1, -1, -1, this.clientUpgrades);
        return null;
      case 'deploy':
        return this.deploy.start(ctx, this.server, (n) => this.classOf(n));
      default:
        return undefined;
    }
  }

  /** What a message carries, for the inspector (SQL text, rows, bytes). */
  describe(msg: Message): Record<string, string | number> {
    if (msg.kind === CS_MSG.package) return { content: 'package', bytes: msg.bytes };
    const tx = msg.payload as Tx;
    const out: Record<string, string | number> = { transaction: tx.id, processing: tx.cls, bytes: msg.bytes, customer: tx.q.customer, minTotal: tx.q.minTotal };
    if (msg.kind === CS_MSG.query) out.sql = sqlText(tx.cls, tx.q);
    else if (msg.kind === CS_MSG.request) out.request = requestText(tx.cls, tx.q);
    else if (msg.kind === CS_MSG.result) out.rows = tx.cls === 'client' ? tx.q.rows : tx.q.matched;
    else if (msg.kind === CS_MSG.response) out.rows = tx.cls === 'server' ? Math.min(tx.q.matched, COST.pageRows) : tx.q.matched;
    return out;
  }

  stats(nowUs: number) {
    return {
      ...this.stats$.summary(nowUs, this.net, this.server, this.db),
      feature: this.feature,
      clientUpgrades: this.clientUpgrades,
      thinkTimeUs: this.w.thinkTimeMeanUs,
      ...this.deploy.summary(),
    };
  }

  /** Clients with a transaction under way. */
  inProgress(): number {
    return this.current.filter((t) => t !== null && t !== undefined).length;
  }

  /** Small plain state for the panels: each node's class of processing (-1 for non-clients). */
  snapshot(): ClientServerSnapshot {
    const classes = (this.net?.nodes ?? []).map((n) => (n.kind === 'client' ? CLASSES.indexOf(this.classOf(n.index)) : -1));
    return { classes, defaultClass: CLASSES.indexOf(this.w.processing) };
  }
}
