import type { CommandError, EngineCommand } from '../commands';
import { inRange, LIMITS } from '../limits';
import type { ModelContext } from '../model';
import { BACKGROUND_KIND, PAR_TIMER, type ParallelSpec } from './spec';
import { SETTING } from '../kernel/trace';

/** The share of a shared network's capacity other users take. */
const OTHERS_SHARE = 0.4;

/**
 * The Beowulf's private Ethernet (BEO-ETHERNET, BEO-BONDING, BEO-TRAITS):
 * card speed, cards bonded per node (failing one by one), and whether the
 * network is dedicated or shared with other users.
 */
export class Ethernet {
  private nics = new Map<number, number>();
  private machines: number[] = [];

  constructor(private readonly spec: ParallelSpec) {}

  init(ctx: ModelContext, machines: number[]): void {
    this.machines = machines;
    for (const w of machines) this.nics.set(w, this.spec.nics);
    this.apply(ctx);
    const campus = this.campus(ctx);
    if (this.spec.sharedNetwork && campus >= 0) ctx.setTimer(campus, 0, PAR_TIMER.background);
  }

  nicsOf(w: number): number {
    return this.nics.get(w) ?? this.spec.nics;
  }

  private campus(ctx: ModelContext): number {
    return ctx.net.node(this.spec.campus ?? '')?.index ?? -1;
  }

  /** Every machine's link to the switch runs at its cards' speed, less the others' share on a shared network. */
  private apply(ctx: ModelContext): void {
    for (const w of this.machines) {
      const l = ctx.net.link(`${ctx.net.nodes[w]!.id}~eth`);
      if (l) l.bandwidthBps = this.spec.nicBps * this.nicsOf(w) * (this.spec.sharedNetwork ? 1 - OTHERS_SHARE : 1);
    }
  }

  /**
   * On a shared network other users' packets cross the same Ethernet. Links
   * here send whole messages one after another, so instead of interleaving
   * packets the share they take comes off every card's bandwidth (apply);
   * these small packets only make the traffic visible.
   */
  background(ctx: ModelContext, campus: number, workers: number[]): void {
    if (!this.spec.sharedNetwork) return;
    const to = workers[ctx.rng.int(0, workers.length - 1)]!;
    ctx.send(campus, to, BACKGROUND_KIND, 1_500, { background: true });
    ctx.setTimer(campus, 20_000, PAR_TIMER.background);
  }

  command(ctx: ModelContext, cmd: EngineCommand): CommandError | null | undefined {
    switch (cmd.type) {
      case 'setSharedNetwork': {
        const campus = this.campus(ctx);
        if (campus < 0) return { code: 'unknownNode', params: { id: String(this.spec.campus) } };
        const was = this.spec.sharedNetwork;
        this.spec.sharedNetwork = cmd.on;
        this.apply(ctx);
        if (cmd.on && !was) ctx.setTimer(campus, 0, PAR_TIMER.background);
        ctx.emit('settingChanged', -1, -1, -1, cmd.on ? 1 : 0, SETTING.sharedNetwork);
        return null;
      }
      case 'failNic': {
        const w = ctx.net.node(cmd.node)?.index ?? -1;
        const left = this.nics.get(w);
        if (left === undefined) return { code: 'unknownNode', params: { id: cmd.node } };
        if (left <= 1) return { code: 'lastNic', params: { id: cmd.node } };
        this.nics.set(w, left - 1);
        this.apply(ctx);
        ctx.emit('nicFailed', w, -1, -1, left - 1);
        return null;
      }
      case 'setEthernet':
        if (!inRange('bandwidthBps', cmd.bps)) return { code: 'outOfRange', params: { field: 'bandwidthBps', value: String(cmd.bps), min: LIMITS.bandwidthBps.min, max: LIMITS.bandwidthBps.max } };
        this.spec.nicBps = cmd.bps;
        this.apply(ctx);
        ctx.emit('settingChanged', -1, -1, -1, cmd.bps, SETTING.bandwidth);
        return null;
      default:
        return undefined;
    }
  }
}
