import { useLab } from '../store/labStore';
import { LinkInspector } from './LinkInspector';
import { MessageInspector } from './MessageInspector';
import { NodeInspector } from './NodeInspector';
import { useT } from './useT';

/** Shows whatever is selected: a machine or a link. */
export function Inspector() {
  const t = useT();
  const selection = useLab((s) => s.selection);
  const index = useLab((s) => {
    const sel = s.selection;
    if (!sel || !s.topology || sel.kind === 'message') return -1;
    const list = sel.kind === 'node' ? s.topology.nodes : s.topology.links;
    return list.findIndex((x) => x.id === sel.id && !x.removed);
  });
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">{t('inspector.title')}</h2>
      {selection?.kind === 'message' ? (
        <MessageInspector id={selection.id} />
      ) : index < 0 || !selection ? (
        <p className="muted">{t('inspector.empty')}</p>
      ) : selection.kind === 'node' ? (
        <NodeInspector key={selection.id} index={index} />
      ) : (
        <LinkInspector key={selection.id} index={index} />
      )}
    </section>
  );
}
