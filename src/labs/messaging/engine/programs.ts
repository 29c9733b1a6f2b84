import type { ModelContext } from '../../../engine/model';
import { MARK_TYPE, type Diagram } from './diagram';
import type { Delivered, Out, Transport } from './module';
import type { Proc, Procs } from './procs';
import { MP_MSG, PS, type MessagingSpec } from './spec';

/** Program steps: what a process does when its current job or wait ends. */
const S = { start: 0, composed: 1, waitSend: 2, other: 3, waitBuffer: 4, waitRecv: 5, handle: 6, background: 7, poll: 8, critical: 9, waitToken: 10 } as const;
/** Timer and work tags of the programs (the module uses 1 and 2). */
export const PROG_TAG = { wake: 10, work: 11 } as const;
/** Interrupts are taken at the end of the current slice of background work. */
const INTERRUPT_SLICE_US = 10_000;
/** Pending flags: an arrival interrupted background work; the critical section was entered through the semaphore. */
const INTR = 1;
const BY_SEM = 2;

/**
 * The message-passing programs: a producer that composes and Sends, a
 * consumer that Receives (blocking, by interrupt or by polling) and
 * handles, and MP-NOSHM's pair that first trusts a semaphore each holds
 * its own copy of, then passes a token by messages.
 */
export class Programs {
  /** MP-NOSHM: times both processes were inside their critical sections at once, with the semaphore and with messages. */
  overlapsSem = 0;
  overlapsMsg = 0;
  private tokenHolder = -1;

  constructor(
    private readonly spec: MessagingSpec,
    private readonly procs: Procs,
    private readonly transport: Transport,
    private readonly diagram: Diagram,
  ) {}

  start(ctx: ModelContext, p: Proc): void {
    p.step = S.start;
    p.pending = 0;
    const prog = p.spec.program;
    if (prog === 'producer') this.sleep(ctx, p, this.spec.intervalUs / 2);
    else if (prog === 'consumer') this.receive(ctx, p);
    else if (prog === 'noshm') {
      if (this.tokenHolder < 0) this.tokenHolder = p.index;
      this.sleep(ctx, p, this.spec.intervalUs / 2 + p.index * 7_000);
    }
  }

  private sleep(ctx: ModelContext, p: Proc, us: number): void {
    p.step = S.start;
    this.procs.setState(ctx, p, PS.idle);
    ctx.setTimer(p.node, us, PROG_TAG.wake, p.index);
  }

  private peer(p: Proc): Proc | undefined {
    return this.procs.byId(p.spec.peer);
  }

  onWake(ctx: ModelContext, p: Proc): void {
    if (p.spec.program === 'producer') this.compose(ctx, p);
    else if (p.spec.program === 'noshm') this.tryCritical(ctx, p);
  }

  // ---- producer --------------------------------------------------------

  private compose(ctx: ModelContext, p: Proc): void {
    if (this.spec.maxMessages !== undefined && p.sent >= this.spec.maxMessages) return this.procs.setState(ctx, p, PS.idle);
    if (p.bufferBusy) {
      // MPI_Wait: the buffer may not be reused until the module is done with it
      p.step = S.waitBuffer;
      return this.procs.setState(ctx, p, PS.blockedSend);
    }
    p.buffer = `m${p.sent + 1}: x=${(p.sent + 1) * 10}`;
    p.step = S.composed;
    this.procs.work(ctx, p, this.spec.workUs, PROG_TAG.work);
  }

  private doSend(ctx: ModelContext, p: Proc): void {
    const to = this.peer(p);
    if (!to) return this.sleep(ctx, p, this.spec.intervalUs);
    const nonblocking = p.sendMode === 'nonblocking';
    const nocopy = nonblocking && !p.copy;
    const out = this.transport.send(ctx, p, to, { kind: MP_MSG.data, bytes: this.spec.messageBytes, text: p.buffer, reliable: p.service === 'reliable', nocopy });
    p.sent++;
    if (nocopy) p.bufferOwner = out.uid;
    if (!nonblocking) {
      p.step = S.waitSend;
      return this.procs.setState(ctx, p, PS.blockedSend);
    }
    if (nocopy) p.bufferBusy = true;
    else this.bufferFree(ctx, p);
    // the process goes on with its own work while the module sends
    p.step = S.other;
    this.procs.work(ctx, p, this.spec.workUs, PROG_TAG.work);
  }

  private bufferFree(ctx: ModelContext, p: Proc): void {
    p.bufferBusy = false;
    p.bufferOwner = -1;
    this.diagram.mark(p.index, MARK_TYPE.bufferFree, ctx.nowUs);
    ctx.emit('bufferFree', p.node, -1, p.index);
    if (p.step === S.waitBuffer) this.compose(ctx, p);
  }

  /** The module is done with a message of this layer: transmitted (unreliable) or acknowledged (reliable), or it failed. */
  sendFinished(ctx: ModelContext, out: Out, failed: boolean): void {
    const p = out.from;
    if (p.state === PS.down) return;
    if (failed) {
      p.failures++;
      this.diagram.mark(p.index, MARK_TYPE.failure, ctx.nowUs, out.uid);
    }
    if (out.kind === MP_MSG.data && out.body !== undefined) return this.tokenSent(ctx, p, failed);
    if (out.nocopy) this.bufferFree(ctx, p);
    if (p.step === S.waitSend) this.sleep(ctx, p, this.spec.intervalUs);
  }

  transmitted(ctx: ModelContext, out: Out): void {
    if (!out.reliable) this.sendFinished(ctx, out, false);
  }

  // ---- consumer --------------------------------------------------------

  private receive(ctx: ModelContext, p: Proc): void {
    if (p.recvMode !== 'blocking') return this.background(ctx, p);
    const src = this.procs.byId(p.spec.peer)?.index ?? -1;
    const d = this.transport.take(p, src);
    if (d) return this.handle(ctx, p, d, 0);
    p.step = S.waitRecv;
    this.procs.setState(ctx, p, PS.blockedRecv);
  }

  private handle(ctx: ModelContext, p: Proc, d: Delivered, extraUs: number): void {
    p.recvBuf = d.text;
    p.received++;
    if (d.changed) p.altered++;
    p.step = S.handle;
    this.procs.work(ctx, p, this.spec.workUs + extraUs, PROG_TAG.work);
  }

  private background(ctx: ModelContext, p: Proc): void {
    p.step = S.background;
    this.procs.work(ctx, p, p.recvMode === 'interrupt' ? INTERRUPT_SLICE_US : this.spec.pollEveryUs, PROG_TAG.work);
  }

  /** A message reached the process's receive buffer. */
  arrived(ctx: ModelContext, p: Proc, d: Delivered): void {
    if (p.spec.program === 'noshm' && d.body !== undefined) return this.tokenArrived(ctx, p);
    if (p.spec.program !== 'consumer') return;
    if (p.step === S.waitRecv) {
      const src = this.procs.byId(p.spec.peer)?.index ?? -1;
      const taken = this.transport.take(p, src);
      if (taken) this.handle(ctx, p, taken, 0);
    } else if (p.recvMode === 'interrupt') p.pending |= INTR;
  }

  onWorkDone(ctx: ModelContext, p: Proc): void {
    switch (p.step) {
      case S.composed:
        return this.doSend(ctx, p);
      case S.other:
        return this.sleep(ctx, p, this.spec.intervalUs);
      case S.handle:
        return this.receive(ctx, p);
      case S.background:
        return this.afterSlice(ctx, p);
      case S.poll:
        return this.afterPoll(ctx, p);
      case S.critical:
        return this.leaveCritical(ctx, p);
    }
  }

  private afterSlice(ctx: ModelContext, p: Proc): void {
    p.backgroundUs += p.recvMode === 'interrupt' ? INTERRUPT_SLICE_US : this.spec.pollEveryUs;
    if (p.recvMode === 'polling') {
      p.step = S.poll;
      return this.procs.work(ctx, p, this.spec.pollCostUs, PROG_TAG.work);
    }
    if (p.pending & INTR) {
      p.pending &= ~INTR;
      const d = this.transport.take(p, this.procs.byId(p.spec.peer)?.index ?? -1);
      if (d) {
        p.interrupts++;
        this.diagram.mark(p.index, MARK_TYPE.interrupt, ctx.nowUs);
        return this.handle(ctx, p, d, this.spec.interruptUs);
      }
    }
    this.background(ctx, p);
  }

  private afterPoll(ctx: ModelContext, p: Proc): void {
    p.polls++;
    p.pollUs += this.spec.pollCostUs;
    const d = this.transport.take(p, this.procs.byId(p.spec.peer)?.index ?? -1);
    this.diagram.mark(p.index, d ? MARK_TYPE.poll : MARK_TYPE.pollEmpty, ctx.nowUs);
    if (d) return this.handle(ctx, p, d, 0);
    p.emptyPolls++;
    this.background(ctx, p);
  }

  // ---- MP-NOSHM -------------------------------------------------------

  private messagesPhase(ctx: ModelContext): boolean {
    return this.spec.noshmSwitchUs !== undefined && ctx.nowUs >= this.spec.noshmSwitchUs;
  }

  private tryCritical(ctx: ModelContext, p: Proc): void {
    if (!this.messagesPhase(ctx)) {
      // P(S) on the semaphore in its own memory: the other machine's copy is not this one
      if (p.sem <= 0) return this.sleep(ctx, p, this.spec.intervalUs);
      p.sem--;
      p.pending |= BY_SEM;
      return this.enterCritical(ctx, p);
    }
    if (this.tokenHolder === p.index) return this.enterCritical(ctx, p);
    p.step = S.waitToken;
    this.procs.setState(ctx, p, PS.blockedRecv);
  }

  private enterCritical(ctx: ModelContext, p: Proc): void {
    const others = this.procs.list.filter((q) => q !== p && q.spec.program === 'noshm' && q.inCritical);
    if (others.length > 0) {
      if (this.messagesPhase(ctx)) this.overlapsMsg++;
      else this.overlapsSem++;
    }
    p.inCritical = true;
    p.step = S.critical;
    this.procs.work(ctx, p, this.spec.workUs * 4, PROG_TAG.work);
  }

  private leaveCritical(ctx: ModelContext, p: Proc): void {
    p.inCritical = false;
    if (p.pending & BY_SEM) {
      // V(S), on this machine's own copy
      p.pending &= ~BY_SEM;
      p.sem++;
    }
    if (!this.messagesPhase(ctx) || this.tokenHolder !== p.index) return this.sleep(ctx, p, this.spec.intervalUs);
    // hand the token to the other process; take it back when it returns
    const to = this.peer(p);
    if (!to) return this.sleep(ctx, p, this.spec.intervalUs);
    this.tokenHolder = -1;
    p.buffer = `token from ${p.spec.label}`;
    this.transport.send(ctx, p, to, { kind: MP_MSG.data, bytes: 64, text: p.buffer, reliable: true, body: { token: true } });
    p.sent++;
    p.step = S.waitSend;
    this.procs.setState(ctx, p, PS.blockedSend);
  }

  private tokenSent(ctx: ModelContext, p: Proc, failed: boolean): void {
    if (failed) this.tokenHolder = p.index;
    this.sleep(ctx, p, this.spec.intervalUs);
  }

  private tokenArrived(ctx: ModelContext, p: Proc): void {
    const d = this.transport.take(p, -1);
    if (d) {
      p.recvBuf = d.text;
      p.received++;
    }
    this.tokenHolder = p.index;
    if (p.step === S.waitToken) this.enterCritical(ctx, p);
  }
}
