import { isKey } from '../../../i18n';
import type { TopologyView, TraceEvent } from '../../../protocol';
import type { T } from '../../../ui/useT';

/** Process labels by index, kept by the messaging panel so log lines can name processes. */
let procLabels: string[] = [];
export function setProcessLabels(labels: string[]): void {
  procLabels = labels;
}

const MP_TYPES = new Set(['processStateChanged', 'retransmitted', 'messageDiscarded', 'deliveryFailed', 'bufferFree', 'bufferChanged', 'rpcStep', 'connectionOpened', 'connectionClosed']);

const label = (topo: TopologyView | null, i: number) => (i < 0 || !topo ? '—' : (topo.nodes[i]?.label ?? `#${i}`));
const text = (t: T, key: string, fallback = '') => (isKey(key) ? t(key) : fallback);

/** One sentence for a message-passing or RPC trace event, or null when the event is not one of this lab's. */
export function describeMpEvent(t: T, topo: TopologyView | null, e: TraceEvent): string | null {
  if (!MP_TYPES.has(e.type)) return null;
  const proc = procLabels[e.msg] ?? `#${e.msg}`;
  const base = { node: label(topo, e.node), peer: label(topo, e.peer), proc };
  switch (e.type) {
    case 'processStateChanged':
      return t('event.processStateChanged', { ...base, state: text(t, `pstate.${e.a}`) });
    case 'retransmitted':
      return t('event.retransmitted', { ...base, seq: e.a, n: e.b, ms: e.c });
    case 'messageDiscarded':
      return t('event.messageDiscarded', { ...base, reason: text(t, `mp.discard.${e.a}`) });
    case 'deliveryFailed':
      return t('event.deliveryFailed', { ...base, seq: e.a, n: e.b });
    case 'bufferFree':
      return t('event.bufferFree', base);
    case 'bufferChanged':
      return t(e.a ? 'event.bufferChangedTransit' : 'event.bufferChanged', base);
    case 'rpcStep':
      return t('event.rpcStep', { ...base, call: e.msg, step: text(t, `rpcstep.${e.a}`) });
    case 'connectionOpened':
      return t('event.connectionOpened', base);
    default:
      return t('event.connectionClosed', { ...base, why: text(t, `mp.why.${e.a}`) });
  }
}
