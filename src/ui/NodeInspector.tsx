import { useCallback } from 'react';
import { NF, NODE_STRIDE, type TraceEvent } from '../protocol';
import { sendCommand } from '../store/actions';
import { useLab } from '../store/labStore';
import { formatPercent } from './format';
import { ClusterServiceParts } from '../labs/cluster/ui/ClusterServiceParts';
import { RecentEvents } from './RecentEvents';
import { CLASSES, type ProcessingClass } from '../protocol';
import { useT } from './useT';

/** A machine's live state, its counters, and the faults a person can inject. */
export function NodeInspector({ index }: { index: number }) {
  const t = useT();
  const node = useLab((s) => s.topology?.nodes[index]);
  const view = useLab((s) => s.panelView);
  const match = useCallback((e: TraceEvent) => e.node === index || (e.peer === index && e.type !== 'messageSent'), [index]);
  if (!node || !view) return null;
  const f = (k: keyof typeof NF) => view.nodes[index * NODE_STRIDE + NF[k]] ?? 0;
  const up = f('up') === 1;
  const id = node.id;
  return (
    <div data-testid="inspector-node">
      <h3 className="inspected">
        {node.label} <span className="muted">· {t(`kind.${node.kind}`)}</span>
      </h3>
      <dl className="facts">
        <dt>{t('inspector.state')}</dt>
        <dd className={up ? 'ok' : 'bad'} data-testid="node-state">
          {up ? t('inspector.up') : t('inspector.crashed')}
        </dd>
        <dt>{t('inspector.platform')}</dt>
        <dd>{t(`platform.${node.platform}`)}</dd>
        {node.kind !== 'switch' && (
          <>
            <dt>{t('inspector.cpu')}</dt>
            <dd>{f('busy') ? t('inspector.busy') : t('inspector.idle')}</dd>
            <dt>{t('inspector.util')}</dt>
            <dd>{formatPercent(f('util'))}</dd>
            <dt>{t('inspector.queue')}</dt>
            <dd>{f('queue')}</dd>
            <dt>{t('inspector.served')}</dt>
            <dd>{f('served')}</dd>
          </>
        )}
        <dt>{t('inspector.sent')}</dt>
        <dd>{f('sent')}</dd>
        <dt>{t('inspector.received')}</dt>
        <dd>{f('received')}</dd>
        <dt>{t('inspector.dropped')}</dt>
        <dd>{f('dropped')}</dd>
      </dl>
      {node.kind === 'client' && <ClassPicker nodeId={id} index={index} />}
      <div className="actions">
        {up ? (
          <button type="button" className="danger" onClick={() => void sendCommand({ type: 'crashNode', node: id })} data-testid="crash">
            ✕ {t('inspector.crash')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void sendCommand({ type: 'restartNode', node: id })} data-testid="restart">
            ↻ {t('inspector.restart')}
          </button>
        )}
        {node.kind === 'client' && (
          <button type="button" onClick={() => void sendCommand({ type: 'removeNode', node: id })} data-testid="remove">
            {t('inspector.remove')}
          </button>
        )}
      </div>
      <ClusterServiceParts index={index} />
      <RecentEvents match={match} />
    </div>
  );
}

/** Switches one client's class of processing on its own. */
function ClassPicker({ nodeId, index }: { nodeId: string; index: number }) {
  const t = useT();
  const cls = useLab((s) => s.panelView?.models.clientserver?.classes[index] ?? -1);
  return (
    <label className="class-picker">
      <span>{t('inspector.class')}</span>
      <select
        value={cls}
        onChange={(e) => void sendCommand({ type: 'setClass', cls: CLASSES[Number(e.target.value)] as ProcessingClass, node: nodeId })}
        data-testid="node-class"
      >
        {CLASSES.map((c, i) => (
          <option key={c} value={i}>
            {t(`class.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
