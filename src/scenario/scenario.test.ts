import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/createSimulation';
import { buildWorld, DEFAULT_SCENARIO, fromSearchParams, PRESET_NAMES, PRESETS, presetScenario, restore, validField } from './scenario';
import { scenarioSchema } from './schema';

describe('scenario restore', () => {
  it('accepts a valid document as it is', () => {
    expect(restore({ ...DEFAULT_SCENARIO, seed: 42 })).toEqual({ scenario: { ...DEFAULT_SCENARIO, seed: 42 }, problems: [] });
  });

  it('keeps what is valid and reports what is not', () => {
    const r = restore({ seed: -3, clients: 7 });
    expect(r.scenario.clients).toBe(7);
    expect(r.scenario.seed).toBe(DEFAULT_SCENARIO.seed);
    expect(r.problems).toEqual([{ field: 'seed', value: '-3' }]);
  });

  it('survives hostile input', () => {
    for (const raw of [null, 'x', 42, [], { clients: '<img src=x onerror=alert(1)>' }, { clients: 1e12 }]) {
      expect(restore(raw).scenario.preset).toBe('office');
    }
    expect(fromSearchParams('?seed=abc&clients=99999').problems.map((p) => p.field)).toEqual(['seed', 'clients']);
  });

  it('checks each field as the zod schema of share documents does', () => {
    const values = [undefined, null, '1', 'office', 'thin', 'nope', -1, 0, 1, 1.5, 2, 32, 33, 1000, 1001, 0xffffffff, 2 ** 32, NaN, Infinity, true];
    for (const key of ['preset', 'seed', 'clients', 'nodes'] as const) {
      for (const v of values) expect(validField(key, v), `${key}=${String(v)}`).toBe(scenarioSchema.shape[key].safeParse(v).success);
    }
  });

  it('the default office has clients of several platforms, a switch, an app and a db server (CS-ROLES)', () => {
    const w = buildWorld(DEFAULT_SCENARIO);
    const kinds = new Set(w.nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(['client', 'db', 'server', 'switch']);
    expect(new Set(w.nodes.filter((n) => n.kind === 'client').map((n) => n.platform)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('presets', () => {
  it.each(PRESET_NAMES)('%s runs: its work gets done and none fails', (name) => {
    const s = presetScenario(name);
    const sim = createSimulation(buildWorld(s), s.seed);
    sim.runUntil(25_000_000);
    const f = sim.models[0]!.stats(sim.nowUs);
    // request-driven labs count requests; the Beowulf counts its jobs' finished pieces (runs, chunks, iterations, checkpoints)
    if (f.tasksCompleted !== undefined) expect(f.tasksCompleted).toBeGreaterThan(0);
    else expect(f.requestsCompleted).toBeGreaterThan(5);
    expect(f.requestsFailed ?? f.jobsFailed).toBe(0);
    expect(PRESETS[name].concepts.length).toBeGreaterThan(0);
  });

  it('reads the preset from the address, with its own number of clients', () => {
    expect(fromSearchParams('?preset=thin').scenario).toMatchObject({ preset: 'thin', clients: PRESETS.thin.clients });
    expect(fromSearchParams('?preset=nope').problems.map((p) => p.field)).toEqual(['preset']);
  });

  it('builds a cluster of 2 to 32 nodes from ?nodes=, and refuses 1 or 33 with a message', () => {
    for (const n of [2, 8, 32]) {
      const { scenario, problems } = fromSearchParams(`?preset=cluster&nodes=${n}`);
      expect(problems).toEqual([]);
      expect(buildWorld(scenario).cluster!.nodes).toHaveLength(n);
    }
    for (const bad of ['1', '33', '1000', 'x']) expect(fromSearchParams(`?preset=cluster&nodes=${bad}`).problems.map((p) => p.field)).toEqual(['nodes']);
  });

  it('builds a Beowulf of up to 1,024 nodes in racks of 32, each rack behind its own switch', () => {
    const { scenario, problems } = fromSearchParams('?preset=beowulf&nodes=1000');
    expect(problems).toEqual([]);
    const w = buildWorld(scenario);
    expect(w.parallel!.workers).toHaveLength(1000);
    const racks = w.nodes.filter((n) => n.id.startsWith('rack-'));
    expect(racks).toHaveLength(32);
    // n0033 is the first node of the second rack
    expect(w.links.find((l) => l.a === 'n0033')?.b).toBe('rack-02');
    expect(fromSearchParams('?preset=beowulf&nodes=1025').problems.map((p) => p.field)).toEqual(['nodes']);
    // a share document checked field by field cannot smuggle a thousand nodes into a Windows cluster
    expect(buildWorld({ ...scenario, preset: 'cluster' }).cluster!.nodes).toHaveLength(32);
  });
});
