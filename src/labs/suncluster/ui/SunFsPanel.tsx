import { useState } from 'react';
import { IDL_TEXT, SUN_FILE_OPS, SUN_FILES, type SunFileOp } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, nodeLabel } from '../../../ui/format';
import { useT } from '../../../ui/useT';
import { NodeSelect } from '../../../ui/NodeSelect';
import { useSun, type SunSnapshot } from './snapshot';
import { RunCheckbox } from '../../../ui/RunCheckbox';

type Via = SunSnapshot['results'][number]['via'];

/** The layers a call goes through, by how it was served (SUN-VNODE). */
type Layer = 'syscall' | 'vnode' | 'ufs' | 'pxfs' | 'cache' | 'orb' | 'server';
const LAYERS: Record<Via, readonly Layer[]> = {
  local: ['syscall', 'vnode', 'ufs'],
  cached: ['syscall', 'vnode', 'pxfs', 'cache'],
  primary: ['syscall', 'vnode', 'pxfs', 'server'],
  remote: ['syscall', 'vnode', 'pxfs', 'cache', 'orb', 'server'],
};

const KINDS = ['data', 'dnlc', 'attr'] as const;

/**
 * The global file system (SUN-GFS, SUN-VNODE, SUN-CACHE, SUN-CORBA): run a
 * file operation on any node by the same path, see the layers it went
 * through, the caches' hits and misses, the versions each node holds, and
 * the IDL of the objects invoked.
 */
export function SunFsPanel() {
  const t = useT();
  const snap = useSun();
  const topo = useLab((s) => s.topology);
  const [node, setNode] = useState('sun-2');
  const [op, setOp] = useState<SunFileOp>('read');
  const [path, setPath] = useState('/global/www/index.html');
  if (!snap) return null;
  const label = (n: number) => nodeLabel(topo, n);
  const paths = SUN_FILES.filter((f) => (op === 'ls') === f.dir).map((f) => f.path);
  const chosen = paths.includes(path) ? path : (paths[0] ?? '');
  const last = snap.results[snap.results.length - 1];
  const hits = snap.hitsBy.data + snap.hitsBy.dnlc + snap.hitsBy.attr;
  const misses = snap.missesBy.data + snap.missesBy.dnlc + snap.missesBy.attr;
  return (
    <section className="panel suncluster-fs" aria-labelledby="sun-fs-title" data-testid="sun-fs-panel">
      <h2 id="sun-fs-title">{t('sun.fs.title')}</h2>
      <p className="small muted">{t('sun.fs.intro', { disk: label(snap.diskNode) })}</p>
      <div className="actions">
        <NodeSelect label={t('sun.fs.on')} nodes={snap.nodes} value={node} onChange={setNode} testId="sun-fs-node" />
        <select value={op} onChange={(e) => setOp(e.target.value as SunFileOp)} aria-label={t('sun.fs.op')} data-testid="sun-fs-op">
          {SUN_FILE_OPS.map((o) => (
            <option key={o} value={o}>
              {t(`sun.fs.op.${o}`)}
            </option>
          ))}
        </select>
        <select value={chosen} onChange={(e) => setPath(e.target.value)} aria-label={t('sun.fs.path')} data-testid="sun-fs-path">
          {paths.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void sendCommand({ type: 'sunFileOp', node, op, path: chosen })} data-testid="sun-fs-go">
          {t('sun.fs.go')}
        </button>
      </div>
      <label className="small">
        <RunCheckbox checked={snap.caches} onToggle={(on) => sendCommand({ type: 'sunCaches', on })} testId="sun-caches" /> {t('sun.fs.caches')}
      </label>
      <p className="small" data-testid="sun-fs-counters">
        {t('sun.fs.counters', { hits, misses, remote: snap.remote, inval: snap.invalidations })}
      </p>
      <table className="lb-table" data-testid="sun-fs-hits">
        <thead>
          <tr>
            <th scope="col">{t('sun.fs.kind')}</th>
            <th scope="col">{t('sun.fs.hits')}</th>
            <th scope="col">{t('sun.fs.misses')}</th>
          </tr>
        </thead>
        <tbody>
          {KINDS.map((k) => (
            <tr key={k}>
              <td>{t(`sun.fs.kind.${k}`)}</td>
              <td className="num">{snap.hitsBy[k]}</td>
              <td className="num">{snap.missesBy[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {last && (
        <>
          <h3>
            {t('sun.layers')} ({label(last.node)}, {t(`sun.fs.op.${last.op}`)} {last.path}, {fmtNum(last.us / 1000, 1)} ms)
          </h3>
          <ol className="small sun-layers" data-testid="sun-layers">
            {LAYERS[last.via].map((l) => (
              <li key={l} className={l === 'cache' && last.via === 'cached' ? 'ok' : l === 'orb' ? 'bad' : ''}>
                {t(`sun.layer.${l}`)}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('sun.fs.last')}</h3>
      {snap.results.length === 0 ? (
        <p className="small muted">{t('sun.fs.none')}</p>
      ) : (
        <table className="lb-table" data-testid="sun-fs-results">
          <thead>
            <tr>
              <th scope="col">{t('sun.node')}</th>
              <th scope="col">{t('sun.fs.op')}</th>
              <th scope="col">{t('sun.fs.via')}</th>
              <th scope="col">{t('sun.fs.remote')}</th>
              <th scope="col">{t('sun.fs.version')}</th>
            </tr>
          </thead>
          <tbody>
            {snap.results.slice(-6).reverse().map((r) => (
              <tr key={r.id}>
                <td>{label(r.node)}</td>
                <td className="small">
                  {t(`sun.fs.op.${r.op}`)} {r.path}
                </td>
                <td className="small" title={t(`sun.fs.via.${r.via}`)}>
                  {t(`sun.fs.short.${r.via}`)}
                </td>
                <td className="num">{r.remote}</td>
                <td className="num">v{r.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('sun.fs.cached')}</h3>
      <ul className="small" data-testid="sun-fs-cached">
        {snap.nodes.map((n, i) => {
          const c = snap.cache[i];
          const data = c?.data ?? [];
          return (
            <li key={n}>
              {label(n)}: {data.length === 0 ? t('sun.fs.noCache') : data.map(([fid, v]) => `${snap.files.find((f) => f.fid === fid)?.path ?? fid} v${v}`).join(', ')}
            </li>
          );
        })}
      </ul>
      <p className="small">
        {t('sun.fs.files')}: {snap.files.filter((f) => !f.local && !f.dir).map((f) => `${f.path} v${f.version}`).join(', ')}
      </p>
      <details>
        <summary>{t('sun.idl')}</summary>
        <pre className="small">{IDL_TEXT}</pre>
      </details>
    </section>
  );
}
