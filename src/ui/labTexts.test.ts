import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../i18n';
import { MIIMON_US, RETRANSMIT_US, RTO, streamCards, type TopologyView, type TraceEvent } from '../protocol';
import { describeEvent } from './format';

const topo = { nodes: [{ id: 'n01', label: 'n01' }, { id: 'head', label: 'head' }], links: [] } as unknown as TopologyView;
const ev = (type: TraceEvent['type'], f: Partial<TraceEvent>): TraceEvent => ({ seq: 0, t: 0, type, node: -1, peer: -1, link: -1, msg: -1, a: 0, b: 0, c: 0, ...f });

describe('the retransmission timer’s text says which number is RFC 6298’s and which is Linux’s', () => {
  for (const lang of ['en', 'es'] as const) {
    const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
    it(`the rule names the RFC’s 1 s floor apart from Linux’s 200 ms, 120 s and 15 retries (${lang})`, () => {
      const rule = t('mp.rtoRule');
      for (const s of ['RFC 6298', '1 s', '200 ms', 'TCP_RTO_MIN', '120 s', '15', 'tcp_retries2']) expect(rule).toContain(s);
      // the RFC's minimum is 1 s: the 200 ms is said after "Linux", never as the RFC's
      expect(rule.indexOf('200 ms')).toBeGreaterThan(rule.indexOf('Linux'));
    });

    it(`the lab's shortcuts are its real settings, named against Linux's (${lang})`, () => {
      const here = t('mp.rtoHere', { init: `${RTO.initUs / 1e6} s`, min: RTO.minUs / 1000, max: RTO.maxUs / 1e6, retries: RTO.maxRetries });
      expect(RTO).toEqual({ initUs: 1_000_000, minUs: 200_000, maxUs: 8_000_000, maxRetries: 5 });
      for (const s of ['1 s', '200 ms', 'Linux', '8 s', '120 s', '5 ', '15']) expect(here).toContain(s);
    });
  }
});

describe('the bonding texts and events, as the engine emits them', () => {
  for (const lang of ['en', 'es'] as const) {
    const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
    it(`frames lost, the monitor's removal and a measured stream read with their figures (${lang})`, () => {
      const lost = describeEvent(t, topo, ev('bondFramesLost', { node: 0, peer: 1, a: 22, b: 45 }));
      expect(lost).toContain('22');
      expect(lost).toContain('45');
      expect(lost).toContain(`${RETRANSMIT_US / 1000} ms`);
      const down = describeEvent(t, topo, ev('nicDown', { node: 0, a: 1, b: 50 }));
      expect(down).toContain('50 ms');
      const stream = describeEvent(t, topo, ev('streamMeasured', { node: 0, peer: 1, a: 143_000_000, b: 2 }));
      expect(stream).toContain('143 Mb/s');
      for (const s of [lost, down, stream]) expect(s).not.toContain('{');
    });

    it(`the panel's formula is the engine's: 4 cards ≈ 2.3, miimon ${MIIMON_US / 1000} ms (${lang})`, () => {
      expect(t('par.bondWhy')).toContain(lang === 'es' ? '2,3' : '2.3');
      expect(streamCards(4)).toBeCloseTo(2.3, 5);
      expect(t('par.miimon', { ms: MIIMON_US / 1000, rto: RETRANSMIT_US / 1000 })).toContain('miimon = 100 ms');
    });
  }
});
