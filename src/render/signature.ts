/** Decides whether a new view changes anything the static layer shows. */
import { LF, LINK_STRIDE, NF, NODE_STRIDE, type WorldView } from '../protocol';

const LINK_FIELDS = [LF.cut, LF.partitioned, LF.bandwidthBps, LF.lossRate] as const;

/** The numbers of the last view that the static layer depends on (node up/down, link state). */
export class StaticSignature {
  private values = new Float64Array(0);
  private valid = false;

  /** Forgets the last view, so the next update reports a change. */
  reset(): void {
    this.valid = false;
  }

  /** Records the view's numbers; true when they differ from the previous view's. */
  update(view: WorldView): boolean {
    const nodes = view.nodes.length / NODE_STRIDE;
    const links = view.links.length / LINK_STRIDE;
    const size = nodes + links * LINK_FIELDS.length;
    let changed = !this.valid || size !== this.values.length;
    if (size !== this.values.length) this.values = new Float64Array(size);
    const v = this.values;
    let j = 0;
    for (let i = 0; i < nodes; i++, j++) {
      const x = view.nodes[i * NODE_STRIDE + NF.up]!;
      if (v[j] !== x) {
        v[j] = x;
        changed = true;
      }
    }
    for (let i = 0; i < links; i++) {
      const o = i * LINK_STRIDE;
      for (const f of LINK_FIELDS) {
        const x = view.links[o + f]!;
        if (v[j] !== x) {
          v[j] = x;
          changed = true;
        }
        j++;
      }
    }
    this.valid = true;
    return changed;
  }
}
