import type { LabScenario, PresetInput, Variant } from '../../../scenario/labScenario';
import { outage, type Script } from '../../../scenario/scripts';
import type { WorldSpec } from '../../../protocol';
import { clusterWorld, SITE_LINKS } from '../engine/world';

/**
 * A node whose fault comes back: it fails, is repaired a minute later, and
 * fails again 40 s after each repair, for an hour (the harm of automatic failback).
 */
function flapping(node: string): Script {
  const out: Script = [];
  for (let t = 40_000_000; t < 3_600_000_000; t += 100_000_000) {
    out.push({ atUs: t, cmd: { type: 'crashNode', node } });
    out.push({ atUs: t + 60_000_000, cmd: { type: 'restartNode', node } });
  }
  return out;
}

/** The five configurations' presets: two nodes taking transactions, node-1 failing at 40 s. */
function txWorld(s: PresetInput, config: 'active' | 'separate' | 'shared' | 'passive', mode?: 'ha' | 'ft'): WorldSpec {
  return clusterWorld({ nodes: s.nodes ?? 2, clients: s.clients, witness: s.witness, config, ...(mode ? { mode } : {}), txSteps: 4, script: outage('node-1', 40) });
}

const FAILBACK = (policy: 'prevent' | 'immediate'): Variant => ({
  id: `failback-${policy}`,
  cmds: ['sql', 'files'].map((group) => ({ type: 'setFailback', group, policy, window: [1, 5] })),
});

/** The Windows cluster: failover, failback, split brain, and the five configurations with data. */
export const clusterScenario = {
  picker: 'cluster',
  presets: {
    cluster: {
      concepts: ['WCS-SERVICE', 'WCS-EVENTS', 'WCS-NODEMGR', 'WCS-GROUP', 'WCS-RESOURCE', 'WCS-ONLINE', 'WCS-FAILOVER-MGR', 'WCS-PREFERRED', 'WCS-CONFIGDB', 'WCS-RESMON', 'WCS-SHARED-NOTHING', 'CL-FAILOVER', 'CL-HA'],
      clients: 4,
      world: (s) => clusterWorld({ clients: s.clients, nodes: s.nodes, witness: s.witness }),
      variants: [{ id: 'quorum-off', cmds: [{ type: 'setQuorum', on: false }] }, FAILBACK('immediate')],
    },
    failback: {
      concepts: ['CL-FAILBACK', 'WCS-PREFERRED'],
      clients: 4,
      world: (s) => clusterWorld({ clients: s.clients, nodes: s.nodes, witness: s.witness, failback: 'immediate', script: flapping('node-1') }),
      variants: [FAILBACK('prevent')],
    },
    splitbrain: {
      concepts: ['WCS-NODEMGR', 'CL-HA'],
      clients: 4,
      world: (s) => clusterWorld({ clients: s.clients, nodes: s.nodes, witness: s.witness, quorum: false, script: SITE_LINKS.map((link) => ({ atUs: 30_000_000, cmd: { type: 'cutLink', link } })) }),
      variants: [{ id: 'quorum-on', cmds: [{ type: 'setQuorum', on: true }] }],
    },
    passive: { concepts: ['CL-CONFIG', 'CL-FAILOVER'], clients: 12, world: (s) => txWorld(s, 'passive') },
    ha: { concepts: ['CL-HA-VS-FT', 'CL-HA', 'CL-CONFIG', 'CL-FAILOVER'], clients: 12, world: (s) => txWorld(s, 'active', 'ha'), variants: [{ id: 'ft', cmds: [{ type: 'setClusterMode', mode: 'ft' }] }] },
    ft: { concepts: ['CL-HA-VS-FT', 'CL-CONFIG'], clients: 12, world: (s) => txWorld(s, 'active', 'ft'), variants: [{ id: 'ha', cmds: [{ type: 'setClusterMode', mode: 'ha' }] }] },
    separate: { concepts: ['CL-CONFIG'], clients: 12, world: (s) => txWorld(s, 'separate') },
    shared: { concepts: ['CL-CONFIG'], clients: 12, world: (s) => txWorld(s, 'shared') },
  },
} as const satisfies LabScenario;
