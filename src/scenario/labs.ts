import type { PresetName } from './scenario';

/** The presets by lab, in the order a course meets them; the picker shows one group per lab. */
export const LABS: Record<'clientserver' | 'messaging' | 'cluster' | 'balancing' | 'beowulf' | 'suncluster', readonly PresetName[]> = {
  clientserver: ['office', 'mainframe', 'thin', 'fat', 'coop', 'database'],
  messaging: ['noshm', 'sendrecv', 'reliable', 'blocking', 'rpc', 'byref', 'binding', 'async', 'orb'],
  cluster: ['cluster', 'failback', 'splitbrain', 'passive', 'ha', 'ft', 'separate', 'shared'],
  balancing: ['balance', 'spof', 'redundant', 'scaleout'],
  beowulf: ['beowulf', 'amdahl', 'parsum', 'checkpoint', 'migration', 'smp', 'ssi'],
  suncluster: ['sunnet', 'sunsingle', 'sunpernode', 'sungfs'],
};

export type LabName = keyof typeof LABS;
