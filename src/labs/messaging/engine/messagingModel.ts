import type { CommandError, EngineCommand } from '../../../engine/commands';
import type { Message, Model, ModelContext } from '../../../engine/model';
import { Diagram, MARK_TYPE } from './diagram';
import { Transport, type Delivered, type ModuleOwner, type Out } from './module';
import { PROG_TAG, Programs } from './programs';
import { Procs } from './procs';
import { Rpc, RPC_TAG } from './rpc';
import { MP_LIMITS, PS, type MessagingSpec } from './spec';
import { messagingSnapshot } from './snapshot';
import type { MpSnapshot } from './snapshotTypes';
import { SETTING } from '../../../engine/kernel/trace';

export { MP_MSG } from './spec';

/**
 * The message-passing and RPC lab (MP-*, RPC-*): processes on nodes with a
 * visible state, each node's message-passing module, reliable and
 * unreliable services, blocking and non-blocking primitives, and RPC on
 * top. Everything a space-time diagram needs is kept in bounded rings.
 */
export class MessagingModel implements Model, ModuleOwner {
  readonly name = 'messaging';
  readonly diagram = new Diagram();
  readonly procs = new Procs(this.diagram);
  readonly transport: Transport;
  readonly programs: Programs;
  readonly rpc: Rpc | null;

  constructor(readonly spec: MessagingSpec) {
    // the model is the module's owner (no closures, so the timeline can fork a run by copying it)
    this.transport = new Transport(spec, this.diagram, this, this.procs);
    this.programs = new Programs(spec, this.procs, this.transport, this.diagram);
    this.rpc = spec.rpc ? new Rpc(spec.rpc, this.procs, this.transport, this.diagram) : null;
  }

  init(ctx: ModelContext): void {
    for (const ps of this.spec.processes) {
      const node = ctx.net.node(ps.node)?.index ?? -1;
      if (node < 0) continue;
      this.procs.add(ps, node, this.spec);
    }
    for (const p of this.procs.list) this.startProc(ctx, p);
  }

  private startProc(ctx: ModelContext, p: (typeof this.procs.list)[number]): void {
    if (p.spec.program.startsWith('rpc') || p.spec.program === 'broker') this.rpc?.start(ctx, p);
    else this.programs.start(ctx, p);
  }

  transmitted(ctx: ModelContext, out: Out): void {
    if (out.layer === 0) this.programs.transmitted(ctx, out);
    else this.rpc?.transmitted(out);
  }

  acked(ctx: ModelContext, out: Out): void {
    if (out.layer === 0) this.programs.sendFinished(ctx, out, false);
  }

  failed(ctx: ModelContext, out: Out): void {
    if (out.layer === 0) this.programs.sendFinished(ctx, out, true);
    else {
      this.diagram.mark(out.from.index, MARK_TYPE.failure, ctx.nowUs, out.uid);
      this.rpc?.failedOut(ctx, out);
    }
  }

  arrived(ctx: ModelContext, to: (typeof this.procs.list)[number], d: Delivered): void {
    if (to.state === PS.down) return;
    if (d.layer === 0) this.programs.arrived(ctx, to, d);
    else this.rpc?.arrived(ctx, to, d);
  }

  onMessage(ctx: ModelContext, node: number, msg: Message): void {
    this.transport.onMessage(ctx, node, msg);
  }

  onTimer(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    if (this.transport.onTimer(ctx, node, tag, data)) return;
    if (tag === PROG_TAG.wake) {
      const p = this.procs.list[data as number];
      if (p && p.state !== PS.down) this.programs.onWake(ctx, p);
      return;
    }
    this.rpc?.onTimer(ctx, tag, data);
  }

  onWorkDone(ctx: ModelContext, node: number, tag: number, data: unknown): void {
    const p = this.procs.done(ctx, node, data as number);
    if (tag === PROG_TAG.work) this.programs.onWorkDone(ctx, p);
    else if (tag === RPC_TAG.work) this.rpc?.onWorkDone(ctx, p);
  }

  onNodeCrashed(ctx: ModelContext, node: number): void {
    this.transport.crashed(node);
    this.procs.crashed(ctx, node);
  }

  onNodeRestarted(ctx: ModelContext, node: number): void {
    for (const p of this.procs.onNode(node)) this.startProc(ctx, p);
  }

  onNodeAdded(): void {}

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'mpSet': {
        if (cmd.corruptRate !== undefined) {
          const l = MP_LIMITS.corruptRate;
          if (!(cmd.corruptRate >= l.min && cmd.corruptRate <= l.max)) return { code: 'outOfRange', params: { field: 'corruptRate', value: String(cmd.corruptRate), min: l.min, max: l.max } };
          this.spec.corruptRate = cmd.corruptRate;
        }
        const targets = cmd.process !== undefined ? this.procs.list.filter((p) => p.spec.id === cmd.process) : this.procs.list;
        if (cmd.process !== undefined && targets.length === 0) return { code: 'unknownNode', params: { id: cmd.process } };
        for (const p of targets) {
          if (cmd.service) p.service = cmd.service;
          if (cmd.sendMode) p.sendMode = cmd.sendMode;
          if (cmd.copy !== undefined) p.copy = cmd.copy;
          if (cmd.recvMode) p.recvMode = cmd.recvMode;
        }
        ctx.emit('settingChanged', -1, -1, -1, 0, SETTING.messaging);
        return null;
      }
      case 'mpMutate': {
        const p = this.procs.byId(cmd.process);
        if (!p) return { code: 'unknownNode', params: { id: cmd.process } };
        p.buffer = `${p.buffer} CHANGED`;
        this.diagram.mark(p.index, MARK_TYPE.mutated, ctx.nowUs, p.bufferBusy ? 1 : 0);
        ctx.emit('bufferChanged', p.node, -1, p.index, p.bufferBusy ? 1 : 0);
        return null;
      }
      case 'rpcSet': {
        const r = this.rpc;
        if (!r) return { code: 'unknownCommand', params: { type: cmd.type } };
        if (cmd.idleTimeoutUs !== undefined) {
          const l = MP_LIMITS.idleTimeoutUs;
          if (!(cmd.idleTimeoutUs >= l.min && cmd.idleTimeoutUs <= l.max)) return { code: 'outOfRange', params: { field: 'idleTimeoutUs', value: String(cmd.idleTimeoutUs), min: l.min, max: l.max } };
          r.spec.idleTimeoutUs = cmd.idleTimeoutUs;
        }
        if (cmd.calls !== undefined) {
          const l = MP_LIMITS.calls;
          if (!(Number.isInteger(cmd.calls) && cmd.calls >= l.min && cmd.calls <= l.max)) return { code: 'outOfRange', params: { field: 'calls', value: String(cmd.calls), min: l.min, max: l.max } };
          r.spec.calls = cmd.calls;
        }
        if (cmd.byRef !== undefined) r.spec.byRef = cmd.byRef;
        if (cmd.binding) r.spec.binding = cmd.binding;
        if (cmd.mode) r.spec.mode = cmd.mode;
        ctx.emit('settingChanged', -1, -1, -1, 0, SETTING.rpc);
        return null;
      }
      default:
        return undefined;
    }
  }

  stats(nowUs: number) {
    const t = this.transport;
    const [rm, rb, ru] = t.cost.reliable;
    const [um, ub, uu] = t.cost.unreliable;
    const r = this.rpc;
    this.lastNowUs = nowUs;
    return {
      mpReliableMsgs: rm!, mpReliableBytes: rb!, mpReliableUseful: ru!,
      mpUnreliableMsgs: um!, mpUnreliableBytes: ub!, mpUnreliableUseful: uu!,
      mpRetransmissions: t.retransmissions, mpCorruptDiscarded: t.corruptDiscarded, mpDuplicates: t.duplicates, mpFailures: t.failures,
      mpBlockedRan: this.procs.blockedRan, mpOverlapsSem: this.programs.overlapsSem, mpOverlapsMsg: this.programs.overlapsMsg,
      // the shared figures: with RPC, calls answered and calls the transport gave up on; else useful messages delivered and failures reported
      requestsCompleted: r ? r.completed + r.errors : ru! + uu!,
      requestsFailed: r ? r.failed : t.failures,
      // the RPC figures, in runs with RPC only
      ...(r
        ? {
            rpcCompleted: r.completed, rpcErrors: r.errors, rpcFailed: r.failed, rpcHandshakes: r.binder.handshakes,
            rpcMsgsPerCall: r.cost.n ? r.cost.msgs / r.cost.n : 0, rpcBytesPerCall: r.cost.n ? r.cost.bytes / r.cost.n : 0, rpcUsPerCall: r.cost.n ? r.cost.us / r.cost.n : 0,
          }
        : {}),
    };
  }

  private lastNowUs = 0;

  describe(msg: Message): Record<string, string | number> {
    const p = msg.payload as { mp?: string; text?: string; seq?: number; body?: { encoded?: string; rpc?: string } };
    const out: Record<string, string | number> = {};
    if (p.mp === 'data') {
      out.mpText = p.text ?? '';
      if ((p.seq ?? -1) >= 0) out.mpSeq = p.seq!;
      if (p.body?.encoded) out.mpEncoded = p.body.encoded;
    }
    return out;
  }

  snapshot(): MpSnapshot {
    return messagingSnapshot(this, this.lastNowUs);
  }
}
