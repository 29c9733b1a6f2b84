import type { CommandError } from '../../../engine/commands';
import type { ModelContext } from '../../../engine/model';
import { COST, CS_MSG, PLACEMENT, type ProcessingClass } from './costModel';

const INSTALL = 2;

/**
 * Rolling out a new application version (CS-FAT-COST, CS-THIN-MIGR): every
 * machine that runs application logic must get it. Fat clients each download
 * the package from the server and install it; thin clients and terminals need
 * nothing, only the server is updated.
 */
export class Deployment {
  private pending = new Set<number>();
  private startUs = 0;
  private touched = 0;
  private bytes = 0;
  private durationUs = 0;
  private rounds = 0;

  start(ctx: ModelContext, server: number, classOf: (node: number) => ProcessingClass): CommandError | null {
    if (this.pending.size > 0) return { code: 'deployRunning', params: { pending: this.pending.size } };
    if (server < 0 || !ctx.net.nodes[server]!.up) return { code: 'alreadyDown', params: { id: ctx.net.nodes[server]?.id ?? '?' } };
    this.startUs = ctx.nowUs;
    this.bytes = 0;
    this.durationUs = 0;
    this.rounds++;
    for (const n of ctx.net.nodes) {
      if (n.kind !== 'client' || n.removed || !n.up) continue;
      if (!PLACEMENT[classOf(n.index)].application.includes('client')) continue;
      this.pending.add(n.index);
      this.bytes += COST.packageBytes;
      ctx.send(server, n.index, CS_MSG.package, COST.packageBytes, null);
    }
    this.pending.add(server);
    ctx.work(server, COST.serverInstallUs, INSTALL, null);
    this.touched = this.pending.size;
    ctx.emit('deployStarted', server, -1, -1, this.touched, this.bytes);
    return null;
  }

  installed(ctx: ModelContext, node: number): void {
    if (!this.pending.delete(node)) return;
    ctx.emit('deployInstalled', node);
    if (this.pending.size > 0) return;
    this.durationUs = ctx.nowUs - this.startUs;
    ctx.emit('deployFinished', -1, -1, -1, this.durationUs, this.touched, this.bytes);
  }

  summary() {
    return {
      deployRounds: this.rounds,
      deployPending: this.pending.size,
      deployTouched: this.touched,
      deployBytes: this.bytes,
      deployDurationUs: this.durationUs,
    };
  }
}
