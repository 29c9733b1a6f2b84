import { useState } from 'react';
import type { Platform } from '../protocol';
import { NF, NODE_STRIDE } from '../protocol';
import { select, sendCommand } from '../store/actions';
import { useLab } from '../store/labStore';
import { useT } from './useT';

const CLIENT_PLATFORMS: Platform[] = ['windows-pc', 'linux-ws', 'mac'];

/** Models whose clients generate load, so adding one changes something. */
const CLIENT_MODELS = ['clientserver', 'cluster', 'balancer', 'suncluster'];

/** Every machine as a button: the keyboard's way to select what the canvas shows. */
export function NodeList() {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const view = useLab((s) => s.panelView);
  const selection = useLab((s) => s.selection);
  const [platform, setPlatform] = useState<Platform>('windows-pc');
  // only labs whose clients send work offer more clients (a messaging or Beowulf lab would get an idle PC)
  const withClients = useLab((s) => Object.keys(s.panelView?.models ?? {}).some((m) => CLIENT_MODELS.includes(m)));
  if (!topo) return null;
  return (
    <section className="panel node-list" aria-labelledby="nodes-title">
      <h2 id="nodes-title">{t('nodes.title')}</h2>
      <ul>
        {topo.nodes.map((n, i) => {
          if (n.removed) return null;
          const up = view ? view.nodes[i * NODE_STRIDE + NF.up] === 1 : true;
          const selected = selection?.kind === 'node' && selection.id === n.id;
          return (
            <li key={n.id}>
              <button
                type="button"
                className={`node-button${selected ? ' selected' : ''}${up ? '' : ' down'}`}
                aria-pressed={selected}
                onClick={() => select({ kind: 'node', id: n.id })}
                data-testid={`node-${n.id}`}
              >
                <span className={`dot ${n.kind}`} aria-hidden="true" />
                <span className="node-name">{n.label}</span>
                <span className="muted node-kind">{t(`kind.${n.kind}`)}</span>
                {!up && <span className="badge-down"> {t('inspector.crashed')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {withClients && (
      <div className="add-client">
        <select value={platform} onChange={(e) => setPlatform(e.target.value as Platform)} aria-label={t('nodes.addPlatform')}>
          {CLIENT_PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void sendCommand({ type: 'addClient', platform })} data-testid="add-client">
          + {t('nodes.add')}
        </button>
      </div>
      )}
    </section>
  );
}
