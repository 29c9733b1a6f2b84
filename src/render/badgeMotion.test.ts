import { describe, expect, it } from 'vitest';
import { BadgeMotion, TRAVEL_MS } from './drawBadges';

describe('group badges travel on failover (WCS-GROUP)', () => {
  it('a badge whose node changes glides from the old owner to the new one, then rests there', () => {
    const m = new BadgeMotion();
    expect(m.place({ node: 1, text: 'SQL Server', tone: 'ok' }, 0, 0, 0)).toEqual({ x: 0, y: 0, travelling: false });
    const start = m.place({ node: 2, text: 'SQL Server', tone: 'pending' }, 100, 50, 1000);
    expect(start).toMatchObject({ x: 0, y: 0, travelling: true });
    expect(m.active).toBe(true);
    const mid = m.place({ node: 2, text: 'SQL Server', tone: 'pending' }, 100, 50, 1000 + TRAVEL_MS / 2);
    expect(mid.x).toBeGreaterThan(10);
    expect(mid.x).toBeLessThan(90);
    expect(m.place({ node: 2, text: 'SQL Server', tone: 'ok' }, 100, 50, 1000 + TRAVEL_MS)).toEqual({ x: 100, y: 50, travelling: false });
    expect(m.active).toBe(false);
  });
});
