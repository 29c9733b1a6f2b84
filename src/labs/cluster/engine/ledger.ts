/**
 * The model's own consistency checkers, watching from outside the nodes
 * (as TigerBeetle's checkers do): every view proposed with the view it
 * follows, every view committed, and every global update applied. The
 * claims are that committed views form one chain (no two sides ever agreed
 * on different successors of one view) and that two nodes never applied
 * different updates under the same (view, number). Tests assert both
 * counters stay at zero.
 */
export class Ledger {
  /** Each proposed view's ballot → the ballot of the view it follows. */
  private prev = new Map<number, number>([[0, -1]]);
  private chosen: number[] = [0];
  private updates = new Map<string, string>();
  forks = 0;
  conflicts = 0;

  proposed(ballot: number, follows: number): void {
    this.prev.set(ballot, follows);
  }

  private descends(child: number, ancestor: number): boolean {
    for (let b: number | undefined = child; b !== undefined && b >= ancestor; b = this.prev.get(b)) if (b === ancestor) return true;
    return false;
  }

  /** A view was committed: it must extend (or be extended by) every other committed view (with quorum off, forks are the point). */
  committed(ballot: number, quorum: boolean): void {
    if (this.chosen.includes(ballot)) return;
    const below = Math.max(...this.chosen.filter((b) => b < ballot));
    const above = Math.min(...this.chosen.filter((b) => b > ballot));
    const fork = (Number.isFinite(below) && !this.descends(ballot, below)) || (Number.isFinite(above) && !this.descends(above, ballot));
    if (fork && quorum) this.forks++;
    this.chosen.push(ballot);
  }

  /** Quorum switched back on: the views agreed without it start no chain; the chain starts again from the next one. */
  restart(): void {
    this.chosen = [];
  }

  /** A node applied update `seq` of view `era` with this content. */
  applied(era: number, seq: number, content: string): void {
    const key = `${era}:${seq}`;
    const seen = this.updates.get(key);
    if (seen === undefined) this.updates.set(key, content);
    else if (seen !== content) this.conflicts++;
  }
}
