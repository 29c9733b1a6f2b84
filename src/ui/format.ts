import { isKey } from '../i18n';
import { useLab } from '../store/labStore';
import { ALGORITHMS, CLASSES, KIND_NAMES, SETTING, RESOURCE_STATES, type TopologyView, type TraceEvent } from '../protocol';
import type { T } from './useT';
import { numberFormat } from '../i18n/numberFormat';
import { describeMpEvent } from '../labs/messaging/ui/describe';

/** Simulated time as m:ss.mmm (or h:mm:ss.mmm past an hour). */
export function formatClock(us: number): string {
  const totalMs = Math.floor(us / 1000);
  const ms = totalMs % 1000;
  const s = Math.floor(totalMs / 1000) % 60;
  const m = Math.floor(totalMs / 60000) % 60;
  const h = Math.floor(totalMs / 3600000);
  const core = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}.${String(ms).padStart(3, '0')}`;
  return h > 0 ? `${h}:${core}` : core;
}

/** A duration in ms with sensible precision. */
export function formatMs(us: number): string {
  const ms = us / 1000;
  return fmtNum(ms, ms >= 100 ? 0 : ms >= 10 ? 1 : 2);
}

/**
 * A number as the reader's language writes it (Spanish: 16.253 and 4,80;
 * English: 16,253 and 4.80), whatever the browser's own locale.
 */
export function fmtNum(n: number, digits?: number): string {
  // small whole numbers read the same in both languages: no need for Intl, whose first use loads locale data (slow on a busy machine at start-up)
  if ((digits === undefined || digits === 0) && Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
  const locale = useLab.getState().lang === 'es' ? 'es-ES' : 'en-GB';
  return numberFormat(locale, digits, digits).format(n);
}

export function formatPercent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

/** The label of a node by index, safe for old indices. */
export function nodeLabel(topo: TopologyView | null, i: number): string {
  if (i < 0 || !topo) return '—';
  return topo.nodes[i]?.label ?? `#${i}`;
}

/** One sentence describing a trace event, in the current language. */
export function describeEvent(t: T, topo: TopologyView | null, e: TraceEvent, cluster?: ClusterInfo): string {
  const mp = describeMpEvent(t, topo, e);
  if (mp !== null) return mp;
  const key = e.type === 'settingChanged' && SETTING_EVENTS[e.b] ? SETTING_EVENTS[e.b]! : e.type === 'invariantViolated' && e.c === 2 ? 'event.failoverLate' : `event.${e.type}`;
  if (!isKey(key)) return e.type;
  // message events carry the message kind in `b`; link events name both ends in node/peer
  const kind = e.type.startsWith('message') ? msgKind(t, e.b) : '';
  const node = e.node < 0 && e.type === 'classChanged' ? t('event.allClients') : nodeLabel(topo, e.node);
  const peer = nodeLabel(topo, e.peer);
  const reasonKey = `drop.${e.a}`;
  const cls = CLASSES[e.a];
  return t(key, {
    node,
    peer,
    kind,
    bytes: e.a,
    msg: e.msg,
    ms: formatMs(e.a),
    s: e.type === 'invariantViolated' ? Number((e.a / 1000).toFixed(1)) : Number((e.a / 1_000_000).toFixed(1)),
    n: e.type === 'resourceRestarted' ? e.b : e.a,
    route: e.type === 'routeDown' || e.type === 'routeUp' ? t(isKey(`route.${e.msg}`) ? (`route.${e.msg}` as 'route.0') : 'route.0') : '',
    why: e.type === 'regroupFailed' && isKey(`regroup.why.${e.a}`) ? t(`regroup.why.${e.a}` as 'regroup.why.0') : '',
    cls: e.type === 'classChanged' && cls ? t(`class.${cls}`) : '',
    onoff: e.a ? t('on') : t('off'),
    total: e.b,
    group: e.type === 'routeDown' || e.type === 'routeUp' ? '' : (cluster?.groups[e.msg]?.label ?? ''),
    resource: resourceName(t, cluster?.groups[e.msg]?.resources[e.a]?.type),
    state: e.type === 'resourceStateChanged' ? stateName(t, e.b) : '',
    reason: e.type === 'messageDropped' && isKey(reasonKey) ? t(reasonKey) : '',
    updown: e.a ? t('lb.health.up') : t('lb.health.down'),
    algorithm: e.b === SETTING.algorithm && ALGORITHMS[e.a] ? t(`lb.alg.${ALGORITHMS[e.a]!}`) : '',
    mbps: Number((e.a / 1e6).toPrecision(4)),
    undone: e.a,
    half: e.b,
    lost: e.c,
    mode: e.b === SETTING.clusterMode ? t(e.a ? 'data.mode.ft' : 'data.mode.ha') : '',
  });
}

/** Which setting a settingChanged event names, by its `b` code (the models' own numbering). */
const SETTING_EVENTS: Partial<Record<number, string>> = {
  [SETTING.quorum]: 'event.quorumSet',
  [SETTING.failback]: 'event.failbackSet',
  [SETTING.clusterMode]: 'event.modeSet',
  [SETTING.algorithm]: 'event.algorithmSet',
  [SETTING.weight]: 'event.weightSet',
  [SETTING.bandwidth]: 'event.interconnectSet',
  [SETTING.messaging]: 'event.mpSet',
  [SETTING.rpc]: 'event.rpcSet',
  [SETTING.migration]: 'event.migrationSet',
  [SETTING.smp]: 'event.smpSet',
  [SETTING.sharedNetwork]: 'event.sharedNetworkSet',
};

/** What describeEvent needs of the cluster to name groups and resources (from the model's snapshot). */
export interface ClusterInfo {
  groups: { label: string; resources: { type: string }[] }[];
}

function resourceName(t: T, type: string | undefined): string {
  const key = `res.${type}`;
  return type && isKey(key) ? t(key) : '';
}

function stateName(t: T, s: number): string {
  const key = `rstate.${RESOURCE_STATES[s]}`;
  return isKey(key) ? t(key) : '';
}

/** The name of a message kind. */
export function msgKind(t: T, kind: number): string {
  const key = `msg.${KIND_NAMES[kind]}`;
  return isKey(key) ? t(key) : String(kind);
}

/** How the UI shows each engine quantity: engine value × scale, with a unit. */
export const UNITS: Record<string, { scale: number; suffix: string }> = {
  latencyUs: { scale: 1 / 1000, suffix: ' ms' },
  jitterUs: { scale: 1 / 1000, suffix: ' ms' },
  bandwidthBps: { scale: 1 / 1_000_000, suffix: ' Mb/s' },
  lossRate: { scale: 100, suffix: ' %' },
  speed: { scale: 1, suffix: '×' },
  thinkTimeUs: { scale: 1 / 1_000_000, suffix: ' s' },
};

/** An engine value in the UI's unit, as text ("1.5" µs-field → "0.0015 ms"). */
export function inUiUnits(field: string, value: string | number): string {
  const u = UNITS[field];
  const n = Number(value);
  if (!u || !Number.isFinite(n)) return String(value);
  return `${localDecimal(n * u.scale)}${u.suffix}`;
}

/** A number to six significant digits, with the reader's decimal mark and no grouping (fit for a text field too). */
export function localDecimal(n: number): string {
  const text = String(Number(n.toPrecision(6)));
  return useLab.getState().lang === 'es' ? text.replace('.', ',') : text;
}
