/**
 * Every lab's texts (src/labs/<lab>/i18n/index.ts), one line per lab, named
 * as in the engine's registry (the registry test checks the names match).
 */
import { clientServerTexts } from '../labs/clientserver/i18n';
import { messagingTexts } from '../labs/messaging/i18n';
import { clusterTexts } from '../labs/cluster/i18n';
import { balancerTexts } from '../labs/balancer/i18n';
import { parallelTexts } from '../labs/parallel/i18n';
import { ssiTexts } from '../labs/ssi/i18n';
import { sunClusterTexts } from '../labs/suncluster/i18n';

export const LAB_TEXTS = {
  clientserver: clientServerTexts,
  messaging: messagingTexts,
  cluster: clusterTexts,
  balancer: balancerTexts,
  parallel: parallelTexts,
  ssi: ssiTexts,
  suncluster: sunClusterTexts,
};

type Texts = (typeof LAB_TEXTS)[keyof typeof LAB_TEXTS];
/** A union of object types as their intersection. */
type Merged<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every lab's English texts in one record. */
export const LAB_EN = Object.assign({}, ...Object.values(LAB_TEXTS).map((t) => t.en)) as Merged<Texts['en']>;
/** Every lab's Spanish texts in one record (the same keys). */
export const LAB_ES = Object.assign({}, ...Object.values(LAB_TEXTS).map((t) => t.es)) as Merged<Texts['es']>;
