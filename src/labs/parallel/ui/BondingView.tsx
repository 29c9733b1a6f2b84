import { useState } from 'react';
import { MIIMON_US, RETRANSMIT_US, STREAM_BYTES, streamCards, type ParallelSnapshot } from '../../../protocol';
import { sendCommand } from '../../../store/actions';
import { useLab } from '../../../store/labStore';
import { fmtNum, nodeLabel } from '../../../ui/format';
import { NodeSelect } from '../../../ui/NodeSelect';
import { useT } from '../../../ui/useT';

/** What the Beowulf snapshot says about the bonds. */
type BondSnapshot = Pick<ParallelSnapshot, 'workers' | 'nics' | 'deadNics' | 'bondNics' | 'headNics' | 'nicBps' | 'sharedNetwork' | 'framesLost' | 'resent' | 'stream'>;

const mbps = (bps: number) => fmtNum(bps / 1e6, bps >= 1e8 ? 0 : 1);

/**
 * Channel bonding (BEO-BONDING), as Linux's balance-rr does it: what one TCP
 * stream gets from the cards (and why less than their sum), a card to fail
 * (lost frames until the MII monitor notices), and a stream to measure.
 */
export function BondingView({ snap }: { snap: BondSnapshot }) {
  const t = useT();
  const topo = useLab((s) => s.topology);
  const [node, setNode] = useState('');
  const nodeId = node || topo?.nodes[snap.workers[0]!]?.id || '';
  const cards = snap.bondNics;
  const share = snap.sharedNetwork ? 0.6 : 1;
  const dead = snap.workers.flatMap((w, i) => ((snap.deadNics[i] ?? 0) > 0 ? [nodeLabel(topo, w)] : []));
  const s = snap.stream;
  return (
    <div className="bonding" data-testid="par-bonding">
      <p className="small">{t('par.nics', { n: cards, x: fmtNum(streamCards(cards), 2), mbps: mbps(snap.nicBps * streamCards(cards) * share) })}</p>
      <p className="small muted">{t('par.bondWhy')}</p>
      <div className="actions">
        <NodeSelect label={t('par.bondNode')} nodes={snap.workers} value={nodeId} onChange={setNode} suffix={(i) => `(${(snap.nics[i] ?? 0) - (snap.deadNics[i] ?? 0)})`} testId="par-bond-node" />
        <button type="button" onClick={() => void sendCommand({ type: 'failNic', node: nodeId })} data-testid="par-fail-nic">
          {t('par.failNicGo')}
        </button>
        <button type="button" onClick={() => void sendCommand({ type: 'bondStream', node: nodeId })} data-testid="par-stream">
          {t('par.streamGo')}
        </button>
      </div>
      <p className="small muted">{t('par.miimon', { ms: MIIMON_US / 1000, rto: RETRANSMIT_US / 1000 })}</p>
      {dead.length > 0 && <p className="small bad" data-testid="par-dead-nic">{t('par.deadNic', { list: dead.join(', ') })}</p>}
      {snap.framesLost > 0 && <p className="small" data-testid="par-frames-lost">{t('par.framesLost', { f: snap.framesLost, r: snap.resent })}</p>}
      {s && (
        <p className="small" data-testid="par-stream-result">
          {t('par.streamResult', {
            node: nodeLabel(topo, s.node),
            mb: fmtNum(s.bytes / 1e6, 1),
            s: fmtNum(s.us / 1e6, 2),
            mbps: mbps(s.bps),
            n: s.cards,
            pred: mbps(snap.nicBps * streamCards(Math.min(s.cards, snap.headNics)) * share),
          })}
        </p>
      )}
      {!s && <p className="small muted">{t('par.streamNone', { mb: fmtNum(STREAM_BYTES / 1e6, 1) })}</p>}
    </div>
  );
}
