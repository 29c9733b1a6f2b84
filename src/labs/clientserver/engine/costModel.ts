/**
 * Where the software of a client/server application runs, and what that
 * costs. Pure data and functions: the transaction model executes the plans
 * built here, and the tests check the directions the source text states
 * (CS-HOST, CS-SERVER, CS-CLIENT, CS-COOP, CS-FAT-THIN, CS-DB).
 */
import type { Prng } from '../../../engine/kernel/prng';

/** The four classes of client/server processing. */
export type ProcessingClass = 'host' | 'server' | 'client' | 'coop';
export const CLASSES: readonly ProcessingClass[] = ['host', 'server', 'client', 'coop'];

/** Where a piece of work runs: the user's machine, the application server, or the database server. */
export type Place = 'client' | 'server' | 'db';

/** The software layers of the application, plus the communications software every machine has. */
export type Layer = 'presentation' | 'application' | 'dbLogic' | 'dbms';
export const LAYERS: readonly Layer[] = ['presentation', 'application', 'dbLogic', 'dbms'];

/**
 * Which machines run each layer. Host-based puts everything on the central
 * host (the dumb terminal only shows screens); server-based leaves the client
 * only presentation (thin); client-based keeps all but data validation and
 * database logic on the client (fat); cooperative splits the application.
 */
export const PLACEMENT: Record<ProcessingClass, Record<Layer, readonly Place[]>> = {
  host: { presentation: ['server'], application: ['server'], dbLogic: ['server'], dbms: ['server'] },
  server: { presentation: ['client'], application: ['server'], dbLogic: ['db'], dbms: ['db'] },
  client: { presentation: ['client'], application: ['client'], dbLogic: ['db'], dbms: ['db'] },
  coop: { presentation: ['client'], application: ['client', 'server'], dbLogic: ['db'], dbms: ['db'] },
};

/** Fat = client-based, thin = server-based (the shortcut toggle). */
export const FAT: ProcessingClass = 'client';
export const THIN: ProcessingClass = 'server';

/** Message kinds (the renderer colours them in this order). */
export const CS_MSG = {
  request: 0,
  query: 1,
  result: 2,
  response: 3,
  keystroke: 4,
  echo: 5,
  screen: 6,
  package: 7,
} as const;

/**
 * CPU work (µs on a reference machine of speed 1) and sizes (bytes). Chosen
 * to be plausible for a 1990s-style order-entry application, not measured.
 */
export const COST = {
  presentationUs: 4_000,
  applicationUs: 30_000,
  dbLogicUs: 2_000,
  dbmsBaseUs: 1_000,
  dbmsPerRowUs: 10,
  clientFilterPerRowUs: 20,
  formatUs: 2_000,
  echoUs: 100,
  rowBytes: 120,
  compactRowBytes: 60,
  headerBytes: 200,
  requestBytes: 300,
  callBytes: 200,
  /** A formatted page shows at most this many rows. */
  pageRows: 25,
  pageRowBytes: 60,
  pageBaseBytes: 1_200,
  keystrokes: 12,
  keystrokeBytes: 64,
  typingIntervalUs: 150_000,
  screenBytes: 1_920,
  screens: 3,
  /** A new application version, downloaded by each fat client. */
  packageBytes: 25_000_000,
  clientInstallUs: 20_000_000,
  serverInstallUs: 8_000_000,
} as const;

/** "Orders of customer C over M euros": the transaction every user runs. */
export interface Query {
  customer: number;
  minTotal: number;
  /** Orders the customer has (what an unfiltered query returns). */
  rows: number;
  /** Orders over the threshold (what a filtered query returns). */
  matched: number;
}

const THRESHOLDS = [50, 100, 200, 500];
const SHARE_OVER: Record<number, number> = { 50: 0.6, 100: 0.4, 200: 0.2, 500: 0.05 };

export function drawQuery(rng: Prng): Query {
  const customer = rng.int(1, 9_999);
  const minTotal = THRESHOLDS[rng.int(0, THRESHOLDS.length - 1)]!;
  const rows = rng.int(100, 600);
  return { customer, minTotal, rows, matched: Math.round(rows * SHARE_OVER[minTotal]!) };
}

/**
 * The SQL a class sends to the database. A fat client fetches all of the
 * customer's orders and filters them itself; the others let the database filter.
 */
export function sqlText(cls: ProcessingClass, q: Pick<Query, 'customer' | 'minTotal'>): string {
  if (cls === 'client') return `SELECT id, order_date, total FROM orders WHERE customer_id = ${q.customer}`;
  return `SELECT id, order_date, total FROM orders WHERE customer_id = ${q.customer} AND total > ${q.minTotal}`;
}

/** What the client sends first, as text (a call, a request or SQL). */
export function requestText(cls: ProcessingClass, q: Pick<Query, 'customer' | 'minTotal'>): string {
  if (cls === 'coop') return `CALL orders_over(${q.customer}, ${q.minTotal})`;
  if (cls === 'server') return `GET /orders?customer=${q.customer}&over=${q.minTotal}`;
  if (cls === 'host') return `${q.customer}⇥${q.minTotal}⏎`;
  return sqlText(cls, q);
}

/** One leg of a transaction: work somewhere, then (maybe) a message onwards. */
export interface Step {
  at: Place;
  /** What the work is, for the explanation. */
  what: Layer | 'filter' | 'format' | 'show';
  workUs: number;
  send?: { to: Place; kind: number; bytes: number; count?: number };
}

const plans = new Map<string, readonly Step[]>();

/**
 * The legs of one transaction after the user presses Enter (host-based
 * typing, keystroke by keystroke, happens before and is not part of this).
 * `feature` scales the application logic (a heavier feature). Plans are
 * shared and never mutated: the same few thousand shapes recur, and building
 * one per transaction was the engine's hottest allocation.
 */
export function plan(cls: ProcessingClass, q: Query, feature = 1): readonly Step[] {
  // the SQL's length (part of a message's size) depends only on the digits of its numbers
  const key = `${cls}|${feature}|${q.rows}|${q.matched}|${String(q.customer).length}|${q.minTotal}`;
  let p = plans.get(key);
  if (!p) {
    p = buildPlan(cls, q, feature);
    plans.set(key, p);
  }
  return p;
}

function buildPlan(cls: ProcessingClass, q: Query, feature: number): Step[] {
  const c = COST;
  const app = c.applicationUs * feature;
  const dbms = c.dbmsBaseUs + c.dbmsPerRowUs * q.rows;
  const sqlBytes = c.headerBytes + sqlText(cls, q).length;
  const filteredBytes = c.headerBytes + c.rowBytes * q.matched;
  const page = c.pageBaseBytes + c.pageRowBytes * Math.min(q.matched, c.pageRows);
  switch (cls) {
    case 'host':
      return [
        { at: 'server', what: 'application', workUs: c.presentationUs + app + c.dbLogicUs + dbms, send: { to: 'client', kind: CS_MSG.screen, bytes: c.screenBytes, count: c.screens } },
        { at: 'client', what: 'show', workUs: 0 },
      ];
    case 'server':
      return [
        { at: 'client', what: 'presentation', workUs: c.presentationUs / 2, send: { to: 'server', kind: CS_MSG.request, bytes: c.requestBytes } },
        { at: 'server', what: 'application', workUs: app, send: { to: 'db', kind: CS_MSG.query, bytes: sqlBytes } },
        { at: 'db', what: 'dbms', workUs: c.dbLogicUs + dbms, send: { to: 'server', kind: CS_MSG.result, bytes: filteredBytes } },
        { at: 'server', what: 'format', workUs: c.formatUs, send: { to: 'client', kind: CS_MSG.response, bytes: page } },
        { at: 'client', what: 'presentation', workUs: c.presentationUs / 2 },
      ];
    case 'client':
      return [
        { at: 'client', what: 'application', workUs: c.presentationUs / 2 + app, send: { to: 'db', kind: CS_MSG.query, bytes: sqlBytes } },
        { at: 'db', what: 'dbms', workUs: c.dbLogicUs + dbms, send: { to: 'client', kind: CS_MSG.result, bytes: c.headerBytes + c.rowBytes * q.rows } },
        { at: 'client', what: 'filter', workUs: c.clientFilterPerRowUs * q.rows + c.presentationUs / 2 },
      ];
    case 'coop':
      return [
        { at: 'client', what: 'application', workUs: c.presentationUs / 2 + app / 2, send: { to: 'server', kind: CS_MSG.request, bytes: c.callBytes } },
        { at: 'server', what: 'application', workUs: app / 2, send: { to: 'db', kind: CS_MSG.query, bytes: sqlBytes } },
        { at: 'db', what: 'dbms', workUs: c.dbLogicUs + dbms, send: { to: 'server', kind: CS_MSG.result, bytes: filteredBytes } },
        { at: 'server', what: 'format', workUs: c.formatUs / 2, send: { to: 'client', kind: CS_MSG.response, bytes: c.headerBytes + c.compactRowBytes * q.matched } },
        { at: 'client', what: 'presentation', workUs: c.presentationUs / 2 },
      ];
  }
}

/** Totals of a plan (including host typing), for the explanations and the tests. */
export function planTotals(cls: ProcessingClass, q: Query, feature = 1): { clientUs: number; serverUs: number; bytes: number; messages: number } {
  let clientUs = 0;
  let serverUs = 0;
  let bytes = 0;
  let messages = 0;
  for (const s of plan(cls, q, feature)) {
    if (s.at === 'client') clientUs += s.workUs;
    else serverUs += s.workUs;
    if (s.send) {
      bytes += s.send.bytes * (s.send.count ?? 1);
      messages += s.send.count ?? 1;
    }
  }
  if (cls === 'host') {
    bytes += 2 * COST.keystrokes * COST.keystrokeBytes;
    messages += 2 * COST.keystrokes;
    serverUs += COST.keystrokes * COST.echoUs;
  }
  return { clientUs, serverUs, bytes, messages };
}
