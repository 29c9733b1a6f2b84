import type { Observation } from '../../lessons';
import { NF, NODE_STRIDE, RESOURCE_STATES } from '../../protocol';
import type { LabState } from '../../store/labStore';

const ONLINE = RESOURCE_STATES.indexOf('online');

/** What the lessons see of the store: figures, machines up or down, cluster groups, the command log. */
export function observe(s: LabState): Observation | null {
  const v = s.panelView;
  const topo = s.topology;
  if (!v || !topo) return null;
  const up: Record<string, boolean> = {};
  topo.nodes.forEach((n, i) => {
    if (!n.removed) up[n.id] = v.nodes[i * NODE_STRIDE + NF.up] === 1;
  });
  const cluster = v.models.cluster;
  const groups = (cluster?.groups ?? []).map((g) => ({
    id: g.id,
    onlineOn: g.states.flatMap((rs, m) => (rs.length > 0 && rs.every((x) => x === ONLINE) ? [topo.nodes[cluster!.nodes[m]!]?.id ?? ''] : [])),
  }));
  return { runId: s.runId, nowUs: v.nowUs, stats: v.stats, up, groups, commands: s.commandLog.map((c) => c.cmd) };
}
