import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../../i18n';
import type { TopologyView, TraceEvent } from '../../../protocol';
import { describeEvent } from '../../../ui/format';

const topo = { nodes: [{ id: 'node-1', label: 'node-1' }, { id: 'node-2', label: 'node-2' }], links: [] } as unknown as TopologyView;
const cluster = { groups: [{ label: 'SQL Server', resources: [{ type: 'disk' }, { type: 'ip' }, { type: 'name' }, { type: 'service' }] }] };
const ev = (type: TraceEvent['type'], f: Partial<TraceEvent>): TraceEvent => ({ seq: 0, t: 0, type, node: -1, peer: -1, link: -1, msg: -1, a: 0, b: 0, c: 0, ...f });

describe('the cluster’s events in the log, as the engine emits them', () => {
  for (const lang of ['en', 'es'] as const) {
    const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
    it(`a late failover is not called split brain, and the route and regroup events name their route and reason (${lang})`, () => {
      const late = describeEvent(t, topo, ev('invariantViolated', { msg: 0, a: 40_000, c: 2 }), cluster as never);
      const split = describeEvent(t, topo, ev('invariantViolated', { msg: 0, a: 2 }), cluster as never);
      expect(late).not.toBe(split);
      expect(late).toContain('40');
      expect(split).toContain('SQL Server');
      const route = describeEvent(t, topo, ev('routeDown', { node: 0, peer: 1, msg: 1, a: 10 }), cluster as never);
      expect(route).toContain(translate(lang, 'route.1'));
      expect(route).not.toContain('{');
      const failed = describeEvent(t, topo, ev('regroupFailed', { node: 0, a: 1 }), cluster as never);
      expect(failed).toContain(translate(lang, 'regroup.why.1'));
      const restarted = describeEvent(t, topo, ev('resourceRestarted', { node: 0, msg: 0, a: 2, b: 3 }), cluster as never);
      expect(restarted).toContain('3');
      expect(restarted).not.toContain('{');
    });
  }

  it('the refusals of cluster commands name the field in both languages', () => {
    expect(translate('en', 'error.outOfRange', { field: translate('en', 'field.failbackWindowStart'), min: 0, max: 23, value: '25' })).toBe('The start of the failback window must be between 0 and 23; "25" is not.');
    expect(translate('es', 'field.failbackWindowEnd')).toBe('El final de la ventana de recuperación');
    for (const k of ['error.noQuorum', 'error.groupPending', 'error.noTarget', 'error.notPossibleOwner', 'error.alreadyOwner'] as const) expect(translate('es', k)).not.toBe(translate('en', k));
  });
});
