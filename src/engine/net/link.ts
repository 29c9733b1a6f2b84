import type { LinkSettings } from '../types';
import { Bookings } from './bookings';

/**
 * A full-duplex link. Each direction transmits one message at a time: a
 * message of N bytes starts at the first moment at or after it reaches the
 * link when the transmitter is free for N*8/bandwidth (see Bookings), then
 * takes the propagation latency (plus jitter) to arrive.
 */
export class LinkRt implements LinkSettings {
  /** Cut by the user. */
  cut = false;
  /** Cut by a network partition (kept apart from `cut` so healing does not undo a user's cut). */
  partitioned = false;
  removed = false;
  /** Bumped whenever the link goes down: messages sent under an older epoch are lost. */
  epoch = 0;
  /** The transmitters, per direction (0: a→b, 1: b→a). */
  readonly tx: [Bookings, Bookings] = [new Bookings(), new Bookings()];
  delivered = 0;
  dropped = 0;
  bytes = 0;
  latencyUs: number;
  jitterUs: number;
  bandwidthBps: number;
  lossRate: number;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly a: number,
    readonly b: number,
    s: LinkSettings,
    /** Index of the network it belongs to (Network.netIndex), -1 for none. */
    readonly net = -1,
  ) {
    this.latencyUs = s.latencyUs;
    this.jitterUs = s.jitterUs;
    this.bandwidthBps = s.bandwidthBps;
    this.lossRate = s.lossRate;
  }

  get up(): boolean {
    return !this.cut && !this.partitioned && !this.removed;
  }

  other(node: number): number {
    return node === this.a ? this.b : this.a;
  }

  /** Time to put `bytes` on the wire, rounded up to a whole microsecond. */
  txTimeUs(bytes: number): number {
    return Math.ceil((bytes * 8 * 1_000_000) / this.bandwidthBps);
  }
}
