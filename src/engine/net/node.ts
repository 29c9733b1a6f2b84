import type { NodeKind, Platform } from '../types';

/** A unit of CPU work queued on a node; `tag` and `data` tell the model what it was for. */
export interface Job {
  workUs: number;
  tag: number;
  data: unknown;
  model: number;
}

/** Utilisation is measured over two buckets of this length, so it follows recent load. */
export const UTIL_BUCKET_US = 2_000_000;

/** A machine at run time: its CPU is a FIFO server that queues work while busy. */
export class NodeRt {
  up = true;
  removed = false;
  /** Bumped on every crash: timers, jobs and replies from an older epoch are void. */
  epoch = 0;
  cpuSpeed: number;
  current: Job | null = null;
  readonly queue: Job[] = [];
  private queueHead = 0;
  currentStartUs = 0;
  /** Busy time inside utilisation bucket `bucket` and the one before it. */
  private bucket = 0;
  private busyCurUs = 0;
  private busyPrevUs = 0;
  sent = 0;
  received = 0;
  dropped = 0;
  served = 0;
  /** Links touching this node, by index. */
  readonly links: number[] = [];

  constructor(
    readonly index: number,
    readonly id: string,
    readonly kind: NodeKind,
    public label: string,
    readonly platform: Platform,
    cpuSpeed: number,
  ) {
    this.cpuSpeed = cpuSpeed;
  }

  get queueLength(): number {
    return this.queue.length - this.queueHead;
  }

  /** Next queued job, or null. */
  dequeue(): Job | null {
    if (this.queueHead >= this.queue.length) return null;
    const j = this.queue[this.queueHead]!;
    this.queueHead++;
    if (this.queueHead > 64 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
    return j;
  }

  clearWork(): void {
    this.queue.length = 0;
    this.queueHead = 0;
    this.current = null;
  }

  /** Adds busy time [fromUs, toUs) to the utilisation buckets (only the last two are kept). */
  addBusy(fromUs: number, toUs: number): void {
    this.roll(Math.floor(toUs / UTIL_BUCKET_US));
    const curStart = this.bucket * UTIL_BUCKET_US;
    const prevStart = curStart - UTIL_BUCKET_US;
    this.busyCurUs += Math.max(0, toUs - Math.max(fromUs, curStart));
    this.busyPrevUs += Math.max(0, Math.min(toUs, curStart) - Math.max(fromUs, prevStart));
  }

  private roll(k: number): void {
    if (k === this.bucket) return;
    this.busyPrevUs = k === this.bucket + 1 ? this.busyCurUs : 0;
    this.busyCurUs = 0;
    this.bucket = k;
  }

  /** Fraction of time busy over the last one to two buckets, 0..1. */
  utilization(nowUs: number): number {
    this.roll(Math.floor(nowUs / UTIL_BUCKET_US));
    const from = Math.max(0, (this.bucket - 1) * UTIL_BUCKET_US);
    let busy = this.busyCurUs + this.busyPrevUs;
    if (this.current) busy += nowUs - Math.max(this.currentStartUs, from);
    const span = nowUs - from;
    return span > 0 ? Math.min(1, busy / span) : 0;
  }
}
