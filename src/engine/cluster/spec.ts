/**
 * The cluster's description and its defaults, taken from Windows Server
 * failover clustering (see README "Real-world defaults"): heartbeats every
 * second, a peer declared down after 10 missed ones, resources restarted up
 * to 3 times in 15 minutes before their group fails over.
 */

/** Resource types of a Windows cluster group (WCS-RESOURCE). */
export type ResourceType = 'disk' | 'ip' | 'name' | 'service';
export const RESOURCE_TYPES: readonly ResourceType[] = ['disk', 'ip', 'name', 'service'];

/** Resource states (WCS-ONLINE), as the cluster API numbers them in order here. */
export type ResourceState = 'offline' | 'onlinePending' | 'online' | 'offlinePending' | 'failed';
export const RESOURCE_STATES: readonly ResourceState[] = ['offline', 'onlinePending', 'online', 'offlinePending', 'failed'];

/** AutoFailbackType: prevent (the default), immediately, or only within a window of hours. */
export type FailbackPolicy = 'prevent' | 'immediate' | 'window';
export const FAILBACK_POLICIES: readonly FailbackPolicy[] = ['prevent', 'immediate', 'window'];

export interface ResourceSpec {
  id: string;
  type: ResourceType;
  /** Resources this one needs online first (a graph: name needs IP; service needs name and disk). */
  dependsOn: string[];
}

export interface GroupSpec {
  id: string;
  label: string;
  resources: ResourceSpec[];
  /** Ordered preferred owners (node ids); nodes not listed are appended in node order. */
  preferredOwners: string[];
  failback: FailbackPolicy;
  /** Failback window in cluster hours [start, end). */
  failbackWindow: [number, number];
}

export interface ClusterSpec {
  /** The cluster nodes (node ids), in the order that breaks ties. */
  nodes: string[];
  groups: GroupSpec[];
  /** Heartbeat period (SameSubnetDelay). */
  heartbeatUs: number;
  /** Missed heartbeats before a peer is suspected (SameSubnetThreshold). */
  threshold: number;
  /** How long a regroup waits for answers. */
  regroupUs: number;
  /** Node majority required to run (off: a partition may cause split brain). */
  quorum: boolean;
  /** A witness disk adds one vote, held by the node that has reserved it (two-node clusters need one). */
  witness: boolean;
  /** How long the new owner waits before taking a failed owner's disk (quorum-disk arbitration). */
  arbitrationUs: number;
  /** LooksAlive poll of the resource monitor. */
  looksAliveUs: number;
  restartThreshold: number;
  restartPeriodUs: number;
  /** Clients of the service: each sends a request to the group's IP every `requestEveryUs`. */
  requestEveryUs: number;
  requestTimeoutUs: number;
  serviceWorkUs: number;
  /** Steps of a client's transaction: writes, then the commit (1 = a plain request). */
  txSteps: number;
  /** Time a user takes between the steps of a transaction. */
  stepGapUs: number;
  /** High availability or fault tolerance (CL-HA-VS-FT). */
  mode: 'ha' | 'ft';
  /** Where the data lives (CL-CONFIG): connected disks, shared disks with a lock manager, or separate copies. */
  storage: 'disk' | 'shared' | 'copy';
  /** How often separate servers copy new commits to the others. */
  copyEveryUs: number;
}

/** Time each resource type takes to come online / go offline. */
export const START_US: Record<ResourceType, number> = { disk: 2_000_000, ip: 500_000, name: 500_000, service: 3_000_000 };
export const STOP_US: Record<ResourceType, number> = { disk: 1_000_000, ip: 200_000, name: 200_000, service: 1_000_000 };

export const CLUSTER_DEFAULTS = {
  heartbeatUs: 1_000_000,
  threshold: 10,
  regroupUs: 1_000_000,
  arbitrationUs: 3_000_000,
  quorum: true,
  witness: false,
  looksAliveUs: 5_000_000,
  restartThreshold: 3,
  restartPeriodUs: 900_000_000,
  requestEveryUs: 1_000_000,
  requestTimeoutUs: 3_000_000,
  serviceWorkUs: 5_000,
  txSteps: 1,
  stepGapUs: 300_000,
  mode: 'ha',
  storage: 'disk',
  copyEveryUs: 5_000_000,
} as const;

/** The usual group of a clustered application: disk, IP address, network name and the service itself. */
export function standardGroup(id: string, label: string, preferredOwners: string[], failback: FailbackPolicy = 'prevent'): GroupSpec {
  return {
    id,
    label,
    preferredOwners,
    failback,
    failbackWindow: [0, 24],
    resources: [
      { id: `${id}-disk`, type: 'disk', dependsOn: [] },
      { id: `${id}-ip`, type: 'ip', dependsOn: [] },
      { id: `${id}-name`, type: 'name', dependsOn: [`${id}-ip`] },
      { id: `${id}-svc`, type: 'service', dependsOn: [`${id}-name`, `${id}-disk`] },
    ],
  };
}

/** Message kinds of the cluster (after the client/server ones, so colours do not clash). */
export const CL_MSG = { heartbeat: 8, regroup: 9, regroupAck: 10, view: 11, gumUpdate: 12, gumAck: 13, request: 14, reply: 15 } as const;

/** Message kinds of the cluster's data: copies between separate servers, and shared-disk locks (palette 32–35). */
export const CL_DATA_MSG = { copy: 32, copyAck: 33, lock: 34, lockGrant: 35 } as const;
