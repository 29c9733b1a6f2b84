/**
 * The cluster's description and its defaults, taken from Windows Server
 * failover clustering since 2016: heartbeats every second on every network
 * (SameSubnetDelay 1000 ms), a route down after 10 missed ones
 * (SameSubnetThreshold 10), dynamic quorum and dynamic witness, disks
 * defended every 3 s (DiskArbInterval), resources restarted up to 3 times
 * in 15 minutes before their group fails over, at most nodes − 1 failovers
 * of a group in 6 hours (FailoverThreshold, FailoverPeriod).
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
  /** Nodes that may host the group (possible owners; every node when absent). */
  possibleOwners?: string[];
  failback: FailbackPolicy;
  /** Failback window: the first and last cluster hour it is open (FailbackWindowStart/End, 0–23; 1–5 is 1:00–5:59). */
  failbackWindow: [number, number];
}

/** The witness: none, a disk on the shared bus (with a copy of the cluster database), or a file share (only a log of versions). */
export type WitnessKind = 'none' | 'disk' | 'share';
export const WITNESS_KINDS: readonly WitnessKind[] = ['none', 'disk', 'share'];

export interface ClusterSpec {
  /** The cluster nodes (node ids), in the order that breaks ties. */
  nodes: string[];
  groups: GroupSpec[];
  /** The networks heartbeats go out on (link `net` names), the preferred one first. */
  networks: string[];
  /** Heartbeat period on each network (SameSubnetDelay). */
  heartbeatUs: number;
  /** Missed heartbeats before a route is down (SameSubnetThreshold); a peer is lost when all its routes are. */
  threshold: number;
  /** How long a regroup waits for answers. */
  regroupUs: number;
  /**
   * Quorum and arbitration on (a teaching switch: off, a partition does not
   * stop and nothing reserves the disks, so split brain can happen).
   */
  quorum: boolean;
  /** Dynamic quorum and dynamic witness (Windows Server 2012 and later); off: a fixed majority, as in Windows Server 2008. */
  dynamicQuorum: boolean;
  witness: WitnessKind;
  /** The file server holding the witness share (node id), for a `share` witness. */
  witnessHost?: string;
  /**
   * How long a node counts another's word that it is still a member. A node
   * keeps its groups only while a majority says so within this time, and a
   * group taken from a lost node waits it out.
   */
  leaseUs: number;
  /** The owner of a disk re-reserves it this often (DiskArbInterval). */
  defendUs: number;
  /** A challenger waits this long after its bus reset for the owner to defend (about 10 s in MSCS: three defences and more). */
  challengeUs: number;
  /** FailoverThreshold: failovers of a group allowed per period (-1: nodes − 1, the default). */
  failoverThreshold: number;
  /** FailoverPeriod. */
  failoverPeriodUs: number;
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

export const CLUSTER_DEFAULTS: Readonly<Omit<ClusterSpec, 'nodes' | 'groups' | 'witnessHost'>> = {
  networks: ['ic', 'pub'],
  heartbeatUs: 1_000_000,
  threshold: 10,
  regroupUs: 1_000_000,
  quorum: true,
  dynamicQuorum: true,
  witness: 'none',
  leaseUs: 5_000_000,
  defendUs: 3_000_000,
  challengeUs: 10_000_000,
  failoverThreshold: -1,
  failoverPeriodUs: 6 * 3_600_000_000,
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
};

/** The usual group of a clustered application: disk, IP address, network name and the service itself. */
export function standardGroup(id: string, label: string, preferredOwners: string[], failback: FailbackPolicy = 'prevent'): GroupSpec {
  return {
    id,
    label,
    preferredOwners,
    failback,
    failbackWindow: [0, 23],
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
