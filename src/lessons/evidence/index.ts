/**
 * What a run of each preset shows for each concept it is tagged with (see
 * types.ts for the format), one file per lab; evidence.test.ts runs them.
 * The type makes a preset or a tag without evidence a compile error.
 */
import type { PresetName } from '../../scenario/scenario';
import { BALANCER_EVIDENCE } from './balancer';
import { BEOWULF_EVIDENCE } from './beowulf';
import { CLIENT_SERVER_EVIDENCE } from './clientserver';
import { MESSAGING_EVIDENCE } from './messaging';
import { SUN_EVIDENCE } from './sun';
import type { PresetEvidence } from './types';
import { WCS_EVIDENCE } from './wcs';

export const EVIDENCE: { [P in PresetName]: PresetEvidence<P> } = {
  ...CLIENT_SERVER_EVIDENCE,
  ...MESSAGING_EVIDENCE,
  ...WCS_EVIDENCE,
  ...BALANCER_EVIDENCE,
  ...BEOWULF_EVIDENCE,
  ...SUN_EVIDENCE,
};
