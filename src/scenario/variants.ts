import type { EngineCommand } from '../protocol';
import type { PresetName } from './scenario';

/** One setting changed from the start of a second run, for a side-by-side comparison. */
export interface Variant {
  id: string;
  cmds: EngineCommand[];
}

const CLIENT_SERVER: Variant[] = [
  { id: 'fat', cmds: [{ type: 'setClass', cls: 'client' }] },
  { id: 'thin', cmds: [{ type: 'setClass', cls: 'server' }] },
];
const ALGORITHMS: Variant[] = [
  { id: 'leastconn', cmds: [{ type: 'setAlgorithm', algorithm: 'leastconn' }] },
  { id: 'swrr', cmds: [{ type: 'setAlgorithm', algorithm: 'swrr' }] },
  { id: 'p2c', cmds: [{ type: 'setAlgorithm', algorithm: 'p2c' }] },
  { id: 'roundrobin', cmds: [{ type: 'setAlgorithm', algorithm: 'roundrobin' }] },
];
const FAILBACK = (policy: 'prevent' | 'immediate'): Variant => ({
  id: `failback-${policy}`,
  cmds: ['sql', 'files'].map((group) => ({ type: 'setFailback', group, policy, window: [1, 5] })),
});

/** The contrasts the course makes, per preset (none where no single setting makes the point). */
export const VARIANTS: Partial<Record<PresetName, Variant[]>> = {
  office: [CLIENT_SERVER[0]!],
  thin: [CLIENT_SERVER[0]!],
  fat: [CLIENT_SERVER[1]!],
  coop: CLIENT_SERVER,
  database: CLIENT_SERVER,
  cluster: [{ id: 'quorum-off', cmds: [{ type: 'setQuorum', on: false }] }, FAILBACK('immediate')],
  failback: [FAILBACK('prevent')],
  splitbrain: [{ id: 'quorum-on', cmds: [{ type: 'setQuorum', on: true }] }],
  ha: [{ id: 'ft', cmds: [{ type: 'setClusterMode', mode: 'ft' }] }],
  ft: [{ id: 'ha', cmds: [{ type: 'setClusterMode', mode: 'ha' }] }],
  balance: ALGORITHMS,
  spof: ALGORITHMS,
  redundant: ALGORITHMS,
  scaleout: [
    { id: 'ic-1g', cmds: [{ type: 'setInterconnect', bps: 1_000_000_000 }] },
    { id: 'ic-10m', cmds: [{ type: 'setInterconnect', bps: 10_000_000 }] },
  ],
  beowulf: [{ id: 'eth-10m', cmds: [{ type: 'setEthernet', bps: 10_000_000 }] }],
  parsum: [{ id: 'eth-1g', cmds: [{ type: 'setEthernet', bps: 1_000_000_000 }] }],
  migration: [{ id: 'no-migration', cmds: [{ type: 'setMigration', on: false }] }],
};
