import { useEffect, useRef } from 'react';
import { GraphRenderer } from '../render/graphRenderer';
import { select } from '../store/actions';
import { useLab, type LabState } from '../store/labStore';
import { translate } from '../i18n';

function ariaLabel(s: LabState): string {
  const nodes = s.topology?.nodes.filter((n) => !n.removed).length ?? 0;
  const links = s.topology?.links.filter((l) => !l.removed).length ?? 0;
  return translate(s.lang, 'app.graphLabel', { nodes, links });
}

/**
 * Hosts the canvas renderer. It follows the store by subscription, outside
 * React's render cycle, so a frame never re-renders a component.
 */
export function GraphView() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = new GraphRenderer(el, { onSelect: select, ariaLabel: ariaLabel(useLab.getState()) });
    window.__distlab = { ...(window.__distlab ?? {}), renderer: r };
    const apply = (s: LabState, prev: LabState | null) => {
      if (s.topology && s.topology !== prev?.topology) r.setTopology(s.topology);
      if (s.view && s.view !== prev?.view) r.setView(s.view);
      if (prev && s.arrivals !== prev.arrivals) r.addArrivals(s.arrivals);
      if (s.selection !== prev?.selection) r.setSelection(s.selection?.kind === 'message' ? null : s.selection);
      if (s.highlight !== prev?.highlight) {
        const h = s.highlight;
        r.setHighlight(h ? { nodeIndex: h.node, linkIndex: h.link, messageId: h.type.startsWith('message') ? h.msg : undefined } : null);
      }
      if (s.lang !== prev?.lang || s.topology !== prev?.topology) r.setAriaLabel(ariaLabel(s));
    };
    apply(useLab.getState(), null);
    const unsub = useLab.subscribe(apply);
    return () => {
      unsub();
      r.destroy();
      if (window.__distlab) window.__distlab.renderer = null;
    };
  }, []);
  return <div className="graph" ref={ref} data-testid="graph" />;
}
