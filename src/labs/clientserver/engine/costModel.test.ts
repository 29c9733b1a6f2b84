import { describe, expect, it } from 'vitest';
import { CLASSES, planTotals, sqlText, type Query } from './costModel';

const q: Query = { customer: 42, minTotal: 100, rows: 400, matched: 160 };
const t = Object.fromEntries(CLASSES.map((c) => [c, planTotals(c, q)])) as Record<(typeof CLASSES)[number], ReturnType<typeof planTotals>>;

describe('cost model: the directions the source text states', () => {
  it('moving application logic to the client lowers server CPU per transaction (CS-FAT-THIN, CS-COOP)', () => {
    expect(t.client.serverUs).toBeLessThan(t.coop.serverUs);
    expect(t.coop.serverUs).toBeLessThan(t.server.serverUs);
    expect(t.server.serverUs).toBeLessThanOrEqual(t.host.serverUs);
    expect(t.client.clientUs).toBeGreaterThan(t.coop.clientUs);
    expect(t.coop.clientUs).toBeGreaterThan(t.server.clientUs);
  });

  it('a dumb terminal does no work at all (CS-HOST)', () => {
    expect(t.host.clientUs).toBe(0);
  });

  it('client-side filtering drags the whole table across the wire (CS-CLIENT, CS-DB)', () => {
    expect(t.client.bytes).toBeGreaterThan(t.server.bytes);
    expect(t.client.bytes).toBeGreaterThan(t.coop.bytes);
    expect(sqlText('client', q)).not.toContain('total >');
    expect(sqlText('server', q)).toContain('total > 100');
  });

  it('host-based sends the most messages, and the smallest (CS-HOST)', () => {
    for (const c of ['server', 'client', 'coop'] as const) {
      expect(t.host.messages).toBeGreaterThan(t[c].messages);
      expect(t.host.bytes / t.host.messages).toBeLessThan(t[c].bytes / t[c].messages);
    }
  });

  it('a heavier feature costs the fat client, not the thin one (CS-FAT-COST)', () => {
    expect(planTotals('client', q, 8).clientUs).toBeGreaterThan(5 * t.client.clientUs);
    expect(planTotals('server', q, 8).clientUs).toBe(t.server.clientUs);
  });
});
