/**
 * Colours and sizes of the network picture. Colours of marks reach at least
 * 3:1 against the panel and text at least 4.5:1 (WCAG 1.4.11 and 1.4.3).
 */
import { CS_MSG, KIND_NAMES, type NodeKind, type Platform } from '../protocol';
import { MESSAGE_COLOR } from './labColors';

/** Panel background, text and line colours of the light theme. */
export const THEME = {
  background: '#f8fafc',
  text: '#0f172a',
  mutedText: '#475569',
  link: '#7b8aa0',
  linkLossy: '#b45309',
  linkCut: '#dc2626',
  selection: '#2563eb',
  highlight: 'rgba(245, 158, 11, 0.55)',
  highlightEdge: '#b45309',
  crashedFill: '#e5e7eb',
  crashedStroke: '#9ca3af',
  crashedMark: '#dc2626',
  utilTrack: 'rgba(148, 163, 184, 0.35)',
  util: '#4f46e5',
  utilHot: '#be123c',
  badge: '#1e293b',
  badgeText: '#ffffff',
  groupFrame: 'rgba(71, 85, 105, 0.45)',
} as const;

/** Message colours by kind name: each lab's, gathered in labColors.ts (a kind without a colour is a type error). */
export { MESSAGE_COLOR };

/** The same colours by kind number, for the renderer's hot path (index = the kind on the wire). */
export const MESSAGE_COLORS: readonly string[] = KIND_NAMES.map((name) => MESSAGE_COLOR[name]);

/** Colour for kinds outside the table (another model's messages). */
export const MESSAGE_COLOR_OTHER = '#334155';

/** The legend of message colours: an i18n key per kind for the UI to translate, and its colour. */
export const MESSAGE_LEGEND: readonly { kind: number; key: keyof typeof CS_MSG; color: string }[] = (
  Object.entries(CS_MSG) as [keyof typeof CS_MSG, number][]
).map(([key, kind]) => ({ kind, key, color: MESSAGE_COLORS[kind] ?? MESSAGE_COLOR_OTHER }));

/** Fill and outline of each node kind when up. */
export const NODE_COLORS: Record<NodeKind, { fill: string; stroke: string }> = {
  client: { fill: '#dbeafe', stroke: '#1e40af' },
  switch: { fill: '#e2e8f0', stroke: '#334155' },
  server: { fill: '#dcfce7', stroke: '#166534' },
  db: { fill: '#fef3c7', stroke: '#92400e' },
};

/** Short platform tag drawn under the hostname; none for network gear. */
export const PLATFORM_TAG: Record<Platform, string> = {
  'windows-pc': 'Win',
  'linux-ws': 'Linux',
  mac: 'Mac',
  network: '',
  'linux-server': 'Linux',
  'windows-server': 'Win Srv',
  solaris: 'Solaris',
  terminal: '3270',
  mainframe: 'z/OS',
};

/** Half width and half height of each node shape, in world units. */
export const NODE_HALF: Record<NodeKind, { w: number; h: number }> = {
  client: { w: 15, h: 12 },
  switch: { w: 23, h: 7 },
  server: { w: 12, h: 19 },
  db: { w: 15, h: 17 },
};

/** Radius of the utilisation ring around each node kind, in world units. */
export const RING_RADIUS: Record<NodeKind, number> = { client: 19, switch: 27, server: 23, db: 22 };

/** Label font sizes in world units. */
export const LABEL_FONT = { host: 11, platform: 9 } as const;

/** The font stack of the labels (sizes are added per use). */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
