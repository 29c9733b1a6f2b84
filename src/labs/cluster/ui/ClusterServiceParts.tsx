import { NF, NODE_STRIDE, RESOURCE_STATES } from '../../../protocol';
import { useLab } from '../../../store/labStore';
import { nodeLabel } from '../../../ui/format';
import { useT } from '../../../ui/useT';

const ONLINE = RESOURCE_STATES.indexOf('online');

/**
 * The cluster service of one node, part by part (WCS-SERVICE, WCS-EVENTS),
 * each with the live figure that shows it working.
 */
export function ClusterServiceParts({ index }: { index: number }) {
  const t = useT();
  const snap = useLab((s) => s.panelView?.models.cluster);
  const view = useLab((s) => s.panelView);
  const topo = useLab((s) => s.topology);
  const events = useLab((s) => s.events);
  if (!snap || !view) return null;
  const m = snap.nodes.indexOf(index);
  if (m < 0) return null;
  const running = snap.inService[m];
  if ((view.nodes[index * NODE_STRIDE + NF.up] ?? 0) === 0) {
    // a crashed machine runs nothing: no owner, no view, whatever its memory said before
    return (
      <section className="service-parts" data-testid="service-parts">
        <h4>
          {t('parts.title')} <span className="bad">{t('cluster.stopped')}</span>
        </h4>
        <p className="small">{t('parts.down')}</p>
      </section>
    );
  }
  const owned = snap.owners[m]?.map((o, g) => (o === index ? snap.groups[g]?.label : null)).filter(Boolean) ?? [];
  const online = snap.groups.reduce((s, g) => s + (g.states[m]?.filter((x) => x === ONLINE).length ?? 0), 0);
  const total = snap.groups.reduce((s, g) => s + g.resources.length, 0);
  const handled = events.filter((e) => e.node === index && !e.type.startsWith('message')).length;
  const f = (k: keyof typeof NF) => view.nodes[index * NODE_STRIDE + NF[k]] ?? 0;
  const parts: [string, string][] = [
    ['nodeMgr', t('parts.nodeMgr.state', { n: snap.views[m]?.length ?? 0, members: (snap.views[m] ?? []).map((n) => nodeLabel(topo, n)).join(', ') || '—' })],
    ['configDb', t('parts.configDb.state', { v: snap.configSeq[m] ?? 0 })],
    ['failoverMgr', owned.length ? t('parts.failoverMgr.state', { groups: owned.join(', ') }) : t('parts.failoverMgr.none')],
    ['resMon', t('parts.resMon.state', { online, total })],
    ['events', t('parts.events.state', { n: handled })],
    ['comms', t('parts.comms.state', { sent: f('sent'), received: f('received') })],
    ['gum', t('parts.gum.state', { v: snap.configSeq[m] ?? 0 })],
  ];
  return (
    <section className="service-parts" aria-labelledby={`parts-${index}`} data-testid="service-parts">
      <h4 id={`parts-${index}`}>
        {t('parts.title')} <span className={running ? 'ok' : 'bad'}>{running ? t('cluster.running') : t('cluster.stopped')}</span>
      </h4>
      <dl className="facts">
        {parts.map(([k, v]) => (
          <div key={k} className="part">
            <dt>{t(`parts.${k}` as 'parts.nodeMgr')}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
