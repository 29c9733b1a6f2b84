import type { NetworkView } from '../../../engine/net/network';

const WINDOW = 256;
const LATENCY_WINDOW = 2048;
/** Throughput is counted over this much recent simulated time. */
const THROUGHPUT_SPAN_US = 10_000_000;

/** What one finished transaction cost. */
export interface TxCost {
  bytes: number;
  messages: number;
  serverUs: number;
  clientUs: number;
}

/**
 * Running figures of the transactions: outcome counts, latency percentiles,
 * throughput, and the mean cost per transaction over the last WINDOW ones
 * (so a change of class shows within a few simulated seconds).
 */
export class TxStats {
  started = 0;
  completed = 0;
  failed = 0;
  private readonly latencies = new Float64Array(LATENCY_WINDOW);
  private readonly doneAt = new Float64Array(LATENCY_WINDOW);
  private readonly cost = new Float64Array(WINDOW * 4);

  complete(nowUs: number, latencyUs: number, c: TxCost): void {
    const i = this.completed % LATENCY_WINDOW;
    this.latencies[i] = latencyUs;
    this.doneAt[i] = nowUs;
    const o = (this.completed % WINDOW) * 4;
    this.cost[o] = c.bytes;
    this.cost[o + 1] = c.messages;
    this.cost[o + 2] = c.serverUs;
    this.cost[o + 3] = c.clientUs;
    this.completed++;
  }

  summary(nowUs: number, net: NetworkView | null, server: number, db: number) {
    const n = Math.min(this.completed, LATENCY_WINDOW);
    const sorted = this.latencies.slice(0, n).sort();
    const pct = (q: number): number => (n === 0 ? 0 : sorted[Math.min(n - 1, Math.floor(q * n))]!);
    let recent = 0;
    for (let i = 0; i < n; i++) if (this.doneAt[i]! > nowUs - THROUGHPUT_SPAN_US) recent++;
    const span = Math.min(THROUGHPUT_SPAN_US, nowUs);
    const w = Math.min(this.completed, WINDOW);
    const mean = (f: number): number => {
      let s = 0;
      for (let i = 0; i < w; i++) s += this.cost[i * 4 + f]!;
      return w === 0 ? 0 : s / w;
    };
    const util = (i: number): number => (net && i >= 0 && net.nodes[i]!.up ? net.nodes[i]!.utilization(nowUs) : 0);
    let clientUtil = 0;
    let clients = 0;
    for (const node of net?.nodes ?? []) {
      if (node.kind !== 'client' || !node.up) continue;
      clientUtil += node.utilization(nowUs);
      clients++;
    }
    return {
      requestsStarted: this.started,
      requestsCompleted: this.completed,
      requestsFailed: this.failed,
      latencyP50Us: pct(0.5),
      latencyP95Us: pct(0.95),
      throughputPerS: span > 0 ? (recent * 1_000_000) / span : 0,
      bytesPerTx: mean(0),
      messagesPerTx: mean(1),
      serverCpuPerTxUs: mean(2),
      clientCpuPerTxUs: mean(3),
      appUtil: util(server),
      dbUtil: server === db ? util(server) : util(db),
      serverUtil: Math.max(util(server), util(db)),
      clientUtilMean: clients > 0 ? clientUtil / clients : 0,
    };
  }
}
