import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forkSimulation, type LoggedCommand } from '../engine/replay';
import { createSimulation } from '../engine/createSimulation';
import type { EngineCommand } from '../protocol';
import { buildWorld, PRESET_NAMES, presetScenario, SCENARIO_VERSION } from '../scenario/scenario';
import { liveDoc } from './testDocs';
import { decodeShare, encodeShare, readShareFile, shareFileText } from './codec';
import { SHARE_LIMITS, SHARE_VERSION, validateShare, type ShareDoc } from './document';

/** Randomized tests print their seed; FC_SEED=n repeats a run. */
const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`share property tests: FC_SEED=${SEED}`);
const fcOpts = { seed: SEED, numRuns: 150 };

describe('share codec', () => {
  it('every preset either forks faithfully (keyframes) or says it cannot (seeks replay from the start)', () => {
    const forkable: string[] = [];
    for (const preset of PRESET_NAMES) {
      const s = presetScenario(preset, 3);
      const a = createSimulation(buildWorld(s), s.seed);
      a.runUntil(5_000_000);
      const b = forkSimulation(a);
      if (!b) continue;
      forkable.push(preset);
      b.runUntil(40_000_000);
      a.runUntil(40_000_000);
      expect(b.trace.hash(), preset).toBe(a.trace.hash());
      expect(b.eventsProcessed, preset).toBe(a.eventsProcessed);
    }
    console.log(`presets with keyframes: ${forkable.join(', ')}`);
    expect(forkable).toContain('office');
    // runs every preset twice for 40 simulated seconds: seconds, not milliseconds
  }, 120_000);

  it('a long session of 60 commands still fits a 2,000-character link', () => {
    const { doc } = liveDoc('office');
    const log: LoggedCommand[] = [];
    for (let i = 0; i < 60; i++) log.push({ atEvent: 1000 + i * 537, atUs: 1_000_000 + i * 250_123, cmd: i % 2 ? { type: 'restartNode', node: 'db' } : { type: 'crashNode', node: 'db' } });
    const s = encodeShare({ ...doc, log });
    expect(s.length).toBeLessThan(2000);
  });
});

const id = fc.stringMatching(/^[A-Za-z0-9_.:~-]{1,20}$/);
const commandArb: fc.Arbitrary<EngineCommand> = fc.oneof(
  id.map((node) => ({ type: 'crashNode' as const, node })),
  id.map((node) => ({ type: 'restartNode' as const, node })),
  id.map((link) => ({ type: 'cutLink' as const, link })),
  fc.record({ type: fc.constant('setLink' as const), link: id, latencyUs: fc.integer({ min: 0, max: 1_000_000 }) }),
  fc.constant({ type: 'addClient' as const }),
  fc.constant({ type: 'heal' as const }),
  fc.record({ type: fc.constant('setQuorum' as const), on: fc.boolean() }),
);
const docArb: fc.Arbitrary<ShareDoc> = fc
  .record({
    preset: fc.constantFrom(...PRESET_NAMES),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    clients: fc.integer({ min: 1, max: 1000 }),
    steps: fc.array(fc.record({ de: fc.integer({ min: 0, max: 5000 }), du: fc.integer({ min: 0, max: 9_000_000 }), cmd: commandArb }), { maxLength: 30 }),
    cursorEvent: fc.integer({ min: 0, max: SHARE_LIMITS.maxEvents }),
    cursorUs: fc.integer({ min: 0, max: SHARE_LIMITS.maxUs }),
    lang: fc.constantFrom('es' as const, 'en' as const),
    lesson: fc.option(fc.stringMatching(/^[a-z0-9-]{1,30}$/), { nil: undefined }),
    step: fc.option(fc.integer({ min: 0, max: SHARE_LIMITS.maxSteps }), { nil: undefined }),
  })
  .map((r) => {
    let atEvent = 0;
    let atUs = 0;
    const log = r.steps.map((s) => {
      atEvent += s.de;
      atUs += s.du;
      return { atEvent, atUs, cmd: s.cmd };
    });
    const doc: ShareDoc = { version: SHARE_VERSION, scenario: { version: SCENARIO_VERSION, preset: r.preset, seed: r.seed, clients: r.clients }, log, cursorEvent: r.cursorEvent, cursorUs: r.cursorUs, lang: r.lang };
    if (r.lesson !== undefined) doc.lesson = r.lesson;
    if (r.step !== undefined) doc.step = r.step;
    return doc;
  });

/** Sets a value deep in a copy of a document. */
function withValue(doc: ShareDoc, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc) as unknown as Record<string | number, unknown>;
  let o = copy;
  for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = value;
  return copy;
}

describe('share validator (property tests)', () => {
  it('accepts every valid document unchanged, through the link and through a file', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        expect(validateShare(doc)).toEqual({ ok: true, doc });
        expect(decodeShare(encodeShare(doc))).toEqual({ ok: true, doc });
        expect(readShareFile(shareFileText(doc))).toEqual({ ok: true, doc });
      }),
      fcOpts,
    );
  });

  it('rejects a number too large anywhere, naming the field', () => {
    const fields: (string | number)[][] = [['cursorEvent'], ['cursorUs'], ['scenario', 'seed'], ['scenario', 'clients'], ['step']];
    fc.assert(
      fc.property(docArb, fc.constantFrom(...fields), fc.constantFrom(1e300, Infinity, 2 ** 53, SHARE_LIMITS.maxUs * 10), (doc, path, big) => {
        const r = validateShare(withValue(doc, path, big));
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.problem.code).toBe('numberTooLarge');
          expect(r.problem.params.field).toBe(path.join('.'));
        }
      }),
      fcOpts,
    );
  });

  it('rejects a huge event number in the log', () => {
    fc.assert(
      fc.property(docArb.filter((d) => d.log.length > 0), fc.nat(), (doc, k) => {
        const i = k % doc.log.length;
        const r = validateShare(withValue(doc, ['log', i, 'atEvent'], 1e300));
        expect(r).toMatchObject({ ok: false, problem: { code: 'numberTooLarge', params: { field: `log[${i}].atEvent` } } });
      }),
      fcOpts,
    );
  });

  it('rejects markup or odd characters in any label, naming where it is', () => {
    const hostile = fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'a b', 'ok\u0000', 'x'.repeat(300));
    fc.assert(
      fc.property(docArb.filter((d) => d.log.some((e) => 'node' in e.cmd)), hostile, (doc, bad) => {
        const i = doc.log.findIndex((e) => 'node' in e.cmd);
        const r = validateShare(withValue(doc, ['log', i, 'cmd', 'node'], bad));
        expect(r).toMatchObject({ ok: false, problem: { code: 'badText', params: { field: `log[${i}].cmd.node` } } });
      }),
      fcOpts,
    );
    const lesson = validateShare(withValue(liveDoc('office').doc, ['lesson'], '<img src=x onerror=alert(1)>'));
    expect(lesson).toMatchObject({ ok: false, problem: { code: 'badText', params: { field: 'lesson', value: '<img src=x onerror=alert(1)>' } } });
  });

  it('rejects wrong versions: newer ones by name, nonsense as a bad version', () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: SHARE_VERSION + 1, max: 1e9 }), (doc, v) => {
        expect(validateShare({ ...doc, version: v })).toMatchObject({ ok: false, problem: { code: 'newerVersion', params: { value: v } } });
      }),
      fcOpts,
    );
    for (const v of [0, -1, 1.5, '1', null, undefined]) expect(validateShare({ ...liveDoc('office').doc, version: v })).toMatchObject({ ok: false, problem: { code: 'badVersion' } });
  });

  it('rejects a missing field, an unknown preset, a language we do not have, and a log out of order', () => {
    const { doc } = liveDoc('office');
    const noCursor: Partial<ShareDoc> = { ...doc };
    delete noCursor.cursorUs;
    expect(validateShare(noCursor)).toMatchObject({ ok: false, problem: { code: 'missing', params: { field: 'cursorUs' } } });
    expect(validateShare(withValue(doc, ['scenario', 'preset'], 'moon'))).toMatchObject({ ok: false, problem: { code: 'badValue', params: { field: 'scenario.preset', value: 'moon' } } });
    expect(validateShare(withValue(doc, ['lang'], 'fr'))).toMatchObject({ ok: false, problem: { code: 'badValue', params: { field: 'lang' } } });
    const swapped = { ...doc, log: [doc.log[2]!, doc.log[0]!, doc.log[1]!, ...doc.log.slice(3)] };
    expect(validateShare(swapped)).toMatchObject({ ok: false, problem: { code: 'outOfOrder', params: { index: 2 } } });
    expect(validateShare(withValue(doc, ['log', 0, 'cmd', 'type'], 'formatDisk'))).toMatchObject({ ok: false, problem: { code: 'badCommand', params: { index: 1, value: 'formatDisk' } } });
    expect(validateShare(withValue(doc, ['log', 3, 'cmd', 'latencyUs'], -5))).toMatchObject({ ok: false, problem: { code: 'commandOutOfRange', params: { index: 4 } } });
    expect(validateShare({ ...doc, log: Array.from({ length: SHARE_LIMITS.maxCommands + 1 }, () => doc.log[0]) })).toMatchObject({ ok: false, problem: { code: 'tooMany', params: { field: 'log' } } });
    expect(validateShare([])).toMatchObject({ ok: false, problem: { code: 'notADocument' } });
    expect(validateShare('hello')).toMatchObject({ ok: false, problem: { code: 'notADocument' } });
  });

  it('rejects bad base64, truncated data, non-JSON and over-size input, and never throws', () => {
    const good = encodeShare(liveDoc('office').doc);
    expect(decodeShare('%%%not base64')).toMatchObject({ ok: false, problem: { code: 'badEncoding' } });
    expect(decodeShare('')).toMatchObject({ ok: false, problem: { code: 'badEncoding' } });
    expect(decodeShare(good.slice(0, Math.floor(good.length / 2)))).toMatchObject({ ok: false, problem: { code: expect.stringMatching(/badCompression|badEncoding/) } });
    expect(decodeShare('A'.repeat(SHARE_LIMITS.maxEncoded + 1))).toMatchObject({ ok: false, problem: { code: 'tooLarge' } });
    expect(readShareFile('{"version": 1, ')).toMatchObject({ ok: false, problem: { code: 'badJson' } });
    // a zip bomb: a small link that inflates past the limit
    const bomb = encodeShare({ pad: 'x'.repeat(SHARE_LIMITS.maxJson * 2) } as unknown as ShareDoc);
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.maxEncoded);
    expect(decodeShare(bomb)).toMatchObject({ ok: false, problem: { code: 'tooLarge' } });
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.nat(), (junk, cut) => {
        for (const text of [junk, good.slice(0, cut % good.length), good.slice(0, -1 - (cut % 8)) + junk]) {
          const r = decodeShare(text);
          if (!r.ok) expect(typeof r.problem.code).toBe('string');
          const f = readShareFile(text);
          if (!f.ok) expect(typeof f.problem.code).toBe('string');
        }
      }),
      fcOpts,
    );
  });
});
