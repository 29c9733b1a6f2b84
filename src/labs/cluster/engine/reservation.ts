/**
 * A reservation on shared storage: a disk on the cluster's shared bus (SCSI
 * reserve/release/reset, SEMANTICS §1 "Legacy MSCS disk quorum"), or the
 * lock a node holds on the witness file share. The storage itself, not the
 * network, decides: it is one object every node reaches at once, so it can
 * really exclude a second owner.
 *
 * - The holder re-reserves (defends) every DiskArbInterval (3 s) while it
 *   uses the device.
 * - A disk challenger breaks the reservation with a bus reset and waits
 *   `challengeUs` (longer than two defences) for the holder to re-reserve;
 *   only if nobody did may it reserve. A live holder therefore always wins.
 * - A file share's server gives the lock to a challenger only when the
 *   holder has not renewed it for `challengeUs`.
 * - Release (the device taken offline cleanly) frees it at once.
 *
 * `seq` counts reserves and defences: a challenge succeeds only if it did
 * not move while the challenger waited.
 */
export class Reservation {
  /** Model index of the holder, -1 when free. */
  holder = -1;
  seq = 0;
  /** When the holder last reserved or defended. */
  lastDefendUs = -1;

  /** Reserves a free device (or one already ours); false if another node holds it. */
  reserve(m: number, nowUs: number): boolean {
    if (this.holder >= 0 && this.holder !== m) return false;
    this.holder = m;
    this.seq++;
    this.lastDefendUs = nowUs;
    return true;
  }

  /** The holder's periodic re-reservation; false when another node has taken the device. */
  defend(m: number, nowUs: number): boolean {
    if (this.holder !== m) return false;
    this.seq++;
    this.lastDefendUs = nowUs;
    return true;
  }

  /** A disk challenge starts (bus reset): the token to present when the wait is over. */
  challenge(): number {
    return this.seq;
  }

  /** The challenge's wait is over: the device is the challenger's if nobody reserved or defended meanwhile. */
  finishChallenge(m: number, token: number, nowUs: number): boolean {
    if (this.holder === m) return true;
    if (this.seq !== token) return false;
    this.holder = m;
    this.seq++;
    this.lastDefendUs = nowUs;
    return true;
  }

  /** A file share's lock: granted when free, or when its holder stopped renewing it for `expiryUs`. */
  takeExpired(m: number, nowUs: number, expiryUs: number): boolean {
    if (this.holder >= 0 && this.holder !== m && nowUs - this.lastDefendUs < expiryUs) return false;
    this.holder = m;
    this.seq++;
    this.lastDefendUs = nowUs;
    return true;
  }

  release(m: number): void {
    if (this.holder === m) this.holder = -1;
  }
}
