/**
 * The share document: everything needed to rebuild what a person saw (the
 * scenario with its seed, the command log, the cursor, the language, and
 * optionally the lesson step). Every document from outside (a link, a file)
 * passes `validateShare`, the one place that checks and migrates it.
 */
import { z } from 'zod';
import type { LoggedCommand } from '../protocol';
import { parseCommand } from '../protocol/commands';
import type { Scenario } from '../scenario/scenario';
import { scenarioSchema } from '../scenario/schema';
import { SHARE_VERSION } from './link';

export { SHARE_VERSION };

/** Bounds that keep a hostile document from making the worker replay for minutes or the page hold megabytes. */
export const SHARE_LIMITS = {
  /** Events a shared run may be replayed to (a few seconds of replay at worst). */
  maxEvents: 5_000_000,
  /** One day of simulated time. */
  maxUs: 86_400_000_000,
  maxCommands: 2_000,
  maxSteps: 500,
  /** Characters of the `?s=` value. */
  maxEncoded: 8_000,
  /** Bytes of JSON, after decompression or in a file. */
  maxJson: 512_000,
} as const;

/** What a text in a document may look like: ids of machines, links, groups and lessons, never markup. */
export const SAFE_TEXT = /^[A-Za-z0-9_.:~-]{1,100}$/;

export interface ShareDoc {
  version: typeof SHARE_VERSION;
  scenario: Scenario;
  log: LoggedCommand[];
  /** Events processed at the cursor: with the log, pins the exact point (several events share a µs). */
  cursorEvent: number;
  cursorUs: number;
  lang: 'es' | 'en';
  /** The lesson and step the sender was on, for the guided lessons. */
  lesson?: string;
  step?: number;
  /** The sender's trace hash at the cursor: the receiver checks it came out the same. */
  hash?: string;
}

/** Why a document was refused, as a code plus the values its message names. */
export type ShareProblemCode =
  | 'tooLarge'
  | 'badEncoding'
  | 'badCompression'
  | 'badJson'
  | 'notADocument'
  | 'badVersion'
  | 'newerVersion'
  | 'missing'
  | 'numberTooLarge'
  | 'badNumber'
  | 'badText'
  | 'badValue'
  | 'tooMany'
  | 'badCommand'
  | 'commandOutOfRange'
  | 'outOfOrder';

export interface ShareProblem {
  code: ShareProblemCode;
  params: Record<string, string | number>;
}

export type ShareResult = { ok: true; doc: ShareDoc } | { ok: false; problem: ShareProblem };

const count = (max: number) => z.number().int().min(0).max(max);

const entrySchema = z.object({
  atEvent: count(SHARE_LIMITS.maxEvents),
  atUs: count(SHARE_LIMITS.maxUs),
  cmd: z.record(z.string(), z.unknown()),
});

const docSchema = z.object({
  version: z.literal(SHARE_VERSION),
  scenario: scenarioSchema,
  log: z.array(entrySchema).max(SHARE_LIMITS.maxCommands),
  cursorEvent: count(SHARE_LIMITS.maxEvents),
  cursorUs: count(SHARE_LIMITS.maxUs),
  lang: z.enum(['es', 'en']),
  lesson: z.string().regex(SAFE_TEXT).optional(),
  step: count(SHARE_LIMITS.maxSteps).optional(),
  hash: z.string().regex(/^[0-9a-f]{16}$/).optional(),
});

/**
 * Upgrades a document of an older version by one version. None exist yet:
 * when the format changes, version N's entry turns an N document into N+1.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/** Checks, migrates and bounds an untrusted document; the first problem found is reported. */
export function validateShare(raw: unknown): ShareResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('notADocument', {});
  let doc = raw as Record<string, unknown>;
  const v = doc.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return fail('badVersion', { value: show(v), supported: SHARE_VERSION });
  if (v > SHARE_VERSION) return fail('newerVersion', { value: v, supported: SHARE_VERSION });
  for (let from = v; from < SHARE_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) return fail('badVersion', { value: v, supported: SHARE_VERSION });
    doc = { ...step(doc), version: from + 1 };
  }
  const r = docSchema.safeParse(doc);
  if (!r.success) return fail(...describeIssue(r.error.issues[0]!, doc));
  const log: LoggedCommand[] = [];
  for (const [i, e] of r.data.log.entries()) {
    const at = `log[${i}]`;
    const bad = unsafeText(e.cmd, `${at}.cmd`);
    if (bad) return fail('badText', bad);
    const parsed = parseCommand(e.cmd);
    if ('error' in parsed) {
      const p = parsed.error.params;
      if (parsed.error.code === 'outOfRange') return fail('commandOutOfRange', { index: i + 1, field: `${at}.cmd.${String(p.field)}`, value: show(p.value), min: Number(p.min), max: Number(p.max) });
      return fail('badCommand', { index: i + 1, value: show(e.cmd.type) });
    }
    const prev = log[log.length - 1];
    if (prev && (e.atEvent < prev.atEvent || (e.atEvent === prev.atEvent && e.atUs < prev.atUs))) return fail('outOfOrder', { index: i + 1 });
    log.push({ atEvent: e.atEvent, atUs: e.atUs, cmd: parsed.cmd });
  }
  const d = r.data;
  const out: ShareDoc = { version: SHARE_VERSION, scenario: d.scenario, log, cursorEvent: d.cursorEvent, cursorUs: d.cursorUs, lang: d.lang };
  if (d.lesson !== undefined) out.lesson = d.lesson;
  if (d.step !== undefined) out.step = d.step;
  if (d.hash !== undefined) out.hash = d.hash;
  return { ok: true, doc: out };
}

function fail(code: ShareProblemCode, params: Record<string, string | number>): ShareResult {
  return { ok: false, problem: { code, params } };
}

/** A value as the message shows it: plain text, cut short. */
export function show(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || 'document';
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = doc;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function describeIssue(issue: z.core.$ZodIssue, doc: unknown): [ShareProblemCode, Record<string, string | number>] {
  const field = pathText(issue.path);
  const value = valueAt(doc, issue.path);
  if (value === undefined) return ['missing', { field }];
  if (issue.code === 'too_big' && Array.isArray(value)) return ['tooMany', { field, max: Number(issue.maximum) }];
  if (issue.code === 'too_big' || (typeof value === 'number' && !Number.isFinite(value))) return ['numberTooLarge', { field, value: show(value), max: 'maximum' in issue ? Number(issue.maximum) : 0 }];
  if (typeof value === 'number') return ['badNumber', { field, value: show(value) }];
  if (typeof value === 'string' && (issue.code === 'invalid_format' || !SAFE_TEXT.test(value))) return ['badText', { field, value: show(value) }];
  return ['badValue', { field, value: show(value) }];
}

/** The first string in a command that is not a plain id (markup, spaces, control characters), with where it is. */
function unsafeText(v: unknown, field: string): { field: string; value: string } | null {
  if (typeof v === 'string') return SAFE_TEXT.test(v) ? null : { field, value: show(v) };
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const bad = unsafeText(x, `${field}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      const bad = unsafeText(x, `${field}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}
