/**
 * Linux channel bonding in balance-rr mode (BEO-BONDING), as the kernel's
 * bonding driver documents it (Documentation/networking/bonding.rst; the
 * figures below are quoted where they are used).
 */

/**
 * How often the MII monitor checks each card's link, when arp_interval is
 * unset: "The default value is 100 if arp_interval is not set" (bonding.rst,
 * miimon). A card that dies is noticed at the next check, up to 100 ms later.
 */
export const MIIMON_US = 100_000;

/** TCP payload per Ethernet frame: a 1500-byte MTU less 20 bytes of IP and 32 of TCP with timestamps. */
export const MSS_BYTES = 1_448;

/**
 * When a lost frame is sent again: Linux's smallest retransmission timeout
 * (TCP_RTO_MIN, 200 ms, include/net/tcp.h). A real TCP may recover a frame
 * lost inside a longer burst sooner (fast retransmit after duplicate
 * acknowledgements); the lab always waits the timeout, the slower case.
 */
export const RETRANSMIT_US = 200_000;

/** The measured stream: 64 segments of 64 kB (the size TCP segmentation offload hands the card), 4.1 MB. */
export const STREAM_SEGMENT_BYTES = 64_000;
export const STREAM_BYTES = 64 * STREAM_SEGMENT_BYTES;

/**
 * Cards' worth of throughput that one TCP stream gets from n cards bonded
 * balance-rr. Round robin puts consecutive packets on different cards, so
 * they arrive out of order; TCP takes the disorder for loss, retransmits and
 * shrinks its window. The kernel's bonding.txt (section 12.1.1, the 2.6-era
 * text; later versions dropped the figure) says: "For a four interface
 * balance-rr bond, expect that a single TCP/IP stream will utilize no more
 * than approximately 2.3 interface's worth of throughput, even after
 * adjusting tcp_reordering." The lab interpolates linearly between its two
 * known points, 1 card = 1 and 4 cards = 2.3: each card beyond the first adds
 * 1.3 / 3 ≈ 0.43 of a card (2 cards ≈ 1.43, 3 ≈ 1.87, 4 = 2.3).
 */
export function streamCards(n: number): number {
  return n <= 1 ? 1 : 1 + ((n - 1) * 1.3) / 3;
}

/** One machine's bond: its cards and where round robin stands. */
export interface BondState {
  /** Cards the bond sends on (a failed card stays here until the MII monitor notices it). */
  cards: number;
  /** Of those, cards that have failed and that the monitor has not noticed yet (the last ones in the round). */
  dead: number;
  /** The card the next frame goes out on (0 … cards − 1). */
  rr: number;
  /** When the first still-unnoticed failure happened (µs), -1 if none. */
  failedAtUs: number;
}

/**
 * How many of `frames` consecutive frames, sent round robin from card `rr`
 * over `cards` cards, fall on one of the `dead` last cards.
 */
export function framesOnDeadCards(rr: number, frames: number, cards: number, dead: number): number {
  if (dead <= 0 || frames <= 0) return 0;
  let lost = Math.floor(frames / cards) * dead;
  for (let i = 0; i < frames % cards; i++) if ((rr + i) % cards >= cards - dead) lost++;
  return lost;
}

/** The next MII monitor check strictly after `nowUs` (checks run every MIIMON_US from the start of the run). */
export function nextMiimonUs(nowUs: number): number {
  return (Math.floor(nowUs / MIIMON_US) + 1) * MIIMON_US;
}
