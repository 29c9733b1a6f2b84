/** Evidence of the client/server presets (src/labs/clientserver/engine): where each layer's work runs and what travels. */
import { COST, CS_MSG } from '../../protocol';
import type { Evidence, LabEvidence } from './types';

const CLIENT = /^client-/;
/** A client that only presents: its share of a transaction is the presentation layer, on the slowest desktop (half speed). */
const PRESENTATION_ONLY_US = 2 * COST.presentationUs;
/** The office's first clients: a Windows PC, a Linux workstation and a Mac. */
const PLATFORMS = ['client-1', 'client-2', 'client-3'];

/** SQL that lets the database filter (thin, cooperative) or fetches every order of the customer (fat). */
const FILTERED_SQL = /^SELECT .+ FROM orders WHERE customer_id = \d+ AND total > \d+$/;
const ALL_ROWS_SQL = /^SELECT .+ FROM orders WHERE customer_id = \d+$/;

/** The four messages of a server-based transaction, each on its way. */
const serverBasedLegs: Evidence[] = [
  { kind: 'message', msgKind: CS_MSG.request, from: CLIENT, to: 'app' },
  { kind: 'message', msgKind: CS_MSG.query, from: 'app', to: 'db' },
  { kind: 'message', msgKind: CS_MSG.result, from: 'db', to: 'app' },
  { kind: 'message', msgKind: CS_MSG.response, from: 'app', to: CLIENT },
];

export const CLIENT_SERVER_EVIDENCE: LabEvidence<'office' | 'mainframe' | 'thin' | 'fat' | 'coop' | 'database'> = {
  // the intro lesson crashes the database: messages to it are lost and clients give up
  office: {
    run: { seconds: 50, commands: [{ at: 40, cmd: { type: 'crashNode', node: 'db' } }] },
    tags: {
      // every machine does its own part of each answer, and users on three platforms get answers
      'DS-SYSTEM': [
        { kind: 'event', type: 'workDone', node: 'app', during: [0, 40] },
        { kind: 'event', type: 'workDone', node: 'db', during: [0, 40] },
        ...PLATFORMS.map((c): Evidence => ({ kind: 'event', type: 'requestCompleted', node: c, during: [0, 40] })),
      ],
      // the four legs travel as messages; once the database is gone, they are dropped and clients time out
      'DS-MESSAGES': [
        ...serverBasedLegs,
        { kind: 'event', type: 'messageDropped', node: 'db', fields: { b: CS_MSG.query }, during: [40, 50] },
        { kind: 'event', type: 'requestFailed', node: CLIENT, during: [40, 50] },
      ],
      // PCs, workstations and Macs ask; the servers answer each of them
      'CS-ROLES': PLATFORMS.flatMap((c): Evidence[] => [
        { kind: 'message', msgKind: CS_MSG.request, from: c, to: 'app' },
        { kind: 'message', msgKind: CS_MSG.response, from: 'app', to: c },
      ]),
      // the application talks SQL to the relational database and gets rows back
      'CS-TERMS': [
        { kind: 'message', msgKind: CS_MSG.query, from: 'app', to: 'db', carries: { sql: FILTERED_SQL } },
        { kind: 'message', msgKind: CS_MSG.result, from: 'db', to: 'app', carries: { rows: /^\d+$/ } },
      ],
      // the client sends an HTTP-style request, never SQL: the application runs on the server
      'CS-SERVER': [
        { kind: 'message', msgKind: CS_MSG.request, from: CLIENT, to: 'app', carries: { request: /^GET \/orders\?/ } },
        { kind: 'message', msgKind: CS_MSG.query, from: CLIENT, max: 0 },
        { kind: 'stat', stat: 'clientCpuPerTxUs', op: '<=', value: PRESENTATION_ONLY_US, at: 30 },
      ],
    },
  },
  // a new version at 5 s (only the host is touched)
  mainframe: {
    run: { seconds: 30, commands: [{ at: 5, cmd: { type: 'deploy' } }] },
    tags: {
      // terminals send keystrokes and get echoes and screens: all the work is on the host
      'CS-HOST': [
        { kind: 'message', msgKind: CS_MSG.keystroke, from: CLIENT, to: 'host' },
        { kind: 'message', msgKind: CS_MSG.echo, from: 'host', to: CLIENT },
        { kind: 'message', msgKind: CS_MSG.screen, from: 'host', to: CLIENT },
        { kind: 'stat', stat: 'clientCpuPerTxUs', op: '<=', value: 0 },
        { kind: 'stat', stat: 'serverCpuPerTxUs', op: '>', value: 0 },
      ],
      // a new version is installed on the host alone: nothing travels to the terminals
      'CS-THIN-MIGR': [
        { kind: 'event', type: 'deployFinished', fields: { b: 1, c: 0 } },
        { kind: 'message', msgKind: CS_MSG.package, max: 0 },
      ],
    },
  },
  // thin clients; a new version at 2 s; 300 clients at 10 s; every client made fat at 25 s (the processing lesson's steps)
  thin: {
    run: {
      seconds: 40,
      commands: [
        { at: 2, cmd: { type: 'deploy' } },
        { at: 10, cmd: { type: 'setClients', count: 300 } },
        { at: 25, cmd: { type: 'setClass', cls: 'client' } },
      ],
    },
    tags: {
      'CS-SERVER': [
        { kind: 'message', msgKind: CS_MSG.request, from: CLIENT, to: 'app', carries: { request: /^GET \/orders\?/ }, during: [0, 25] },
        { kind: 'message', msgKind: CS_MSG.query, from: CLIENT, max: 0, during: [0, 25] },
        { kind: 'stat', stat: 'clientCpuPerTxUs', op: '<=', value: PRESENTATION_ONLY_US, at: 10 },
      ],
      // thin: small answers, little client work; fat (after 25 s): whole result sets and most of the work on the client
      'CS-FAT-THIN': [
        { kind: 'stat', stat: 'bytesPerTx', op: '<', value: 20_000, at: 10 },
        { kind: 'stat', stat: 'bytesPerTx', op: '>', value: 30_000 },
        { kind: 'stat', stat: 'clientCpuPerTxUs', op: '>', value: 40_000 },
        { kind: 'message', msgKind: CS_MSG.query, from: CLIENT, to: 'db', carries: { sql: ALL_ROWS_SQL }, during: [25, 40] },
      ],
      // 300 thin clients saturate the application server; fat clients take the load off it
      'CS-BOTTLENECK': [
        { kind: 'stat', stat: 'appUtil', op: '<', value: 0.3, at: 10 },
        { kind: 'stat', stat: 'appUtil', op: '>=', value: 0.95, at: 25 },
        { kind: 'stat', stat: 'appUtil', op: '<', value: 0.3 },
        { kind: 'stat', stat: 'serverCpuPerTxUs', op: '<', value: 2_000 },
      ],
      // like the host: the new version goes to the server alone
      'CS-THIN-MIGR': [
        { kind: 'event', type: 'deployFinished', fields: { b: 1, c: 0 } },
        { kind: 'message', msgKind: CS_MSG.package, max: 0 },
      ],
    },
  },
  // fat clients; a new version at 5 s; a heavier feature at 60 s
  fat: {
    run: {
      seconds: 90,
      commands: [
        { at: 5, cmd: { type: 'deploy' } },
        { at: 60, cmd: { type: 'addFeature' } },
      ],
    },
    tags: {
      // the client runs the application and sends SQL straight to the database, which only validates and answers
      'CS-CLIENT': [
        { kind: 'message', msgKind: CS_MSG.query, from: CLIENT, to: 'db', carries: { sql: ALL_ROWS_SQL } },
        { kind: 'message', msgKind: CS_MSG.result, from: 'db', to: CLIENT },
        { kind: 'message', msgKind: CS_MSG.request, max: 0 },
        { kind: 'compare', left: 'clientCpuPerTxUs', op: '>', right: 'serverCpuPerTxUs', at: 50 },
      ],
      'CS-FAT-THIN': [
        { kind: 'stat', stat: 'bytesPerTx', op: '>', value: 30_000, at: 50 },
        { kind: 'stat', stat: 'messagesPerTx', op: '<=', value: 2, at: 50 },
        { kind: 'stat', stat: 'clientCpuPerTxUs', op: '>', value: 40_000, at: 50 },
      ],
      // the new version is downloaded by every desktop; a heavier feature doubles each desktop's work
      'CS-FAT-COST': [
        { kind: 'message', msgKind: CS_MSG.package, from: 'app', to: CLIENT, min: 24 },
        { kind: 'event', type: 'deployInstalled', node: CLIENT, min: 24 },
        { kind: 'stat', stat: 'deployTouched', op: '>=', value: 25, at: 50 },
        { kind: 'stat', stat: 'deployDurationUs', op: '>', value: 20_000_000 },
        { kind: 'stat', stat: 'clientCpuPerTxUs', op: '>', value: 90_000 },
      ],
    },
  },
  coop: {
    run: { seconds: 30 },
    tags: {
      // the client calls a procedure on the server: the application is split between them
      'CS-COOP': [
        { kind: 'message', msgKind: CS_MSG.request, from: CLIENT, to: 'app', carries: { request: /^CALL orders_over\(/ } },
        { kind: 'message', msgKind: CS_MSG.query, from: 'app', to: 'db', carries: { sql: FILTERED_SQL } },
        { kind: 'stat', stat: 'clientCpuPerTxUs', op: '>', value: 15_000 },
        { kind: 'stat', stat: 'clientCpuPerTxUs', op: '<', value: 40_000 },
        { kind: 'stat', stat: 'serverCpuPerTxUs', op: '>', value: 2_000 },
      ],
    },
  },
  database: {
    run: { seconds: 30 },
    tags: {
      // two tiers: a transaction goes as SQL to the database server, which answers
      'CS-DB': [
        { kind: 'message', msgKind: CS_MSG.query, from: 'client-1', to: 'db', carries: { sql: /^SELECT / } },
        { kind: 'message', msgKind: CS_MSG.result, from: 'db', to: 'client-1' },
        { kind: 'event', type: 'requestCompleted', node: 'client-1' },
      ],
      'CS-CLIENT': [
        { kind: 'compare', left: 'clientCpuPerTxUs', op: '>', right: 'serverCpuPerTxUs' },
        { kind: 'message', msgKind: CS_MSG.request, max: 0 },
        { kind: 'message', msgKind: CS_MSG.query, from: CLIENT, to: 'db', carries: { sql: ALL_ROWS_SQL } },
      ],
      'CS-TERMS': [
        { kind: 'message', msgKind: CS_MSG.query, from: CLIENT, to: 'db', carries: { sql: /^SELECT id, order_date, total FROM orders WHERE / } },
        { kind: 'message', msgKind: CS_MSG.result, from: 'db', to: CLIENT, carries: { rows: /^\d+$/ } },
      ],
    },
  },
};
