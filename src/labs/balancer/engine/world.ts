import type { EngineCommand } from '../../../engine/commands';
import type { LinkSpec, NodeSpec, WorldSpec } from '../../../engine/types';
import { BALANCER_DEFAULTS, type Algorithm, type BalancerSpec } from './spec';

export interface BalancedOptions {
  clients?: number;
  algorithm?: Algorithm;
  /** CPU speed of each service node; weights follow speed. */
  speeds?: number[];
  /** Two dispatchers (VRRP pair) instead of one (CL-SPOF). */
  redundantDispatcher?: boolean;
  /** Two routers to the outside instead of one (CL-SPOF). */
  redundantGateway?: boolean;
  /** A data server on a private interconnect of this bandwidth, with `fetchBytes` per request (CL-NET-BOTTLENECK). */
  interconnectBps?: number;
  fetchBytes?: number;
  requestEveryUs?: number;
  /** Requests a client keeps open; 1 makes each client wait for its answer (a closed loop that cannot collapse). */
  maxOutstanding?: number;
  script?: { atUs: number; cmd: EngineCommand }[];
}

const lan = (latencyUs: number, bandwidthBps: number) => ({ latencyUs, jitterUs: Math.round(latencyUs / 5), bandwidthBps, lossRate: 0 });
const LAN = lan(100, 1_000_000_000);

/**
 * A web service behind a load balancer: clients on the Internet, router(s)
 * to the site's LAN, the dispatcher(s) holding the service address, and the
 * service nodes; optionally a data server reached over a private interconnect.
 */
export function balancedWorld(o: BalancedOptions = {}): WorldSpec {
  const speeds = o.speeds ?? [2, 2, 1, 1];
  const nodes: NodeSpec[] = [
    { id: 'internet', kind: 'switch', label: 'internet', platform: 'network' },
    { id: 'lan', kind: 'switch', label: 'lan', platform: 'network' },
  ];
  const links: LinkSpec[] = [];
  const gateways = o.redundantGateway ? ['gw-1', 'gw-2'] : ['gw-1'];
  for (const g of gateways) {
    nodes.push({ id: g, kind: 'switch', label: g, platform: 'network' });
    links.push({ id: `${g}~internet`, a: g, b: 'internet', ...lan(2_000, 1_000_000_000) });
    links.push({ id: `${g}~lan`, a: g, b: 'lan', ...LAN });
  }
  const balancers = o.redundantDispatcher ? ['lb-1', 'lb-2'] : ['lb-1'];
  for (const b of balancers) {
    nodes.push({ id: b, kind: 'server', label: b, platform: 'linux-server', cpuSpeed: 8 });
    links.push({ id: `${b}~lan`, a: b, b: 'lan', ...LAN });
  }
  const interconnectLinks: string[] = [];
  const ic = o.interconnectBps;
  if (ic) {
    nodes.push({ id: 'ic', kind: 'switch', label: 'interconnect', platform: 'network' });
    nodes.push({ id: 'store', kind: 'db', label: 'data', platform: 'linux-server', cpuSpeed: 4 });
    links.push({ id: 'store~ic', a: 'store', b: 'ic', ...lan(100, ic) });
    interconnectLinks.push('store~ic');
  }
  const servers = speeds.map((speed, i) => {
    const id = `web-${i + 1}`;
    nodes.push({ id, kind: 'server', label: id, platform: 'linux-server', cpuSpeed: speed });
    links.push({ id: `${id}~lan`, a: id, b: 'lan', ...LAN });
    if (ic) {
      links.push({ id: `${id}~ic`, a: id, b: 'ic', ...lan(100, ic) });
      interconnectLinks.push(`${id}~ic`);
    }
    return { id, weight: speed };
  });
  for (let i = 1; i <= (o.clients ?? 12); i++) {
    const id = `client-${i}`;
    nodes.push({ id, kind: 'client', label: `pc-${String(i).padStart(2, '0')}`, platform: (['windows-pc', 'linux-ws', 'mac'] as const)[i % 3]! });
    links.push({ id: `${id}~internet`, a: id, b: 'internet', ...lan(15_000, 50_000_000) });
  }
  const balancer: BalancerSpec = {
    ...BALANCER_DEFAULTS,
    algorithm: o.algorithm ?? BALANCER_DEFAULTS.algorithm,
    balancers,
    servers,
    storage: ic ? 'store' : undefined,
    fetchBytes: ic ? (o.fetchBytes ?? 50_000) : 0,
    interconnectLinks,
    requestEveryUs: o.requestEveryUs ?? BALANCER_DEFAULTS.requestEveryUs,
    maxOutstanding: o.maxOutstanding ?? BALANCER_DEFAULTS.maxOutstanding,
    newServer: { cpuSpeed: 1, weight: 1 },
    wiring: { lan: 'lan', ic: ic ? 'ic' : undefined, lanLink: LAN },
  };
  return { nodes, links, balancer, script: o.script };
}
