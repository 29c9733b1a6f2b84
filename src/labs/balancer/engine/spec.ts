/**
 * A load-balanced service (CL-LB): clients reach a virtual address held by a
 * dispatcher, which spreads requests over the service nodes. Defaults follow
 * HAProxy and nginx (SEMANTICS §6) and keepalived's VRRP for the dispatcher pair.
 */

/** The balancing algorithms, by their usual names (HAProxy/nginx/Envoy). */
export const ALGORITHMS = ['roundrobin', 'swrr', 'leastconn', 'random', 'p2c', 'hash', 'chash'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** What the dispatcher thinks of a service node. */
export const SERVER_STATES = ['up', 'down', 'drain', 'checking'] as const;
export type ServerState = (typeof SERVER_STATES)[number];

export interface BackendSpec {
  id: string;
  /** Relative share for weighted algorithms (HAProxy: default 1, max 256). */
  weight: number;
}

/** Where added service nodes plug in, and how their links look. */
export interface BalancerWiring {
  lan: string;
  ic?: string;
  lanLink: { latencyUs: number; jitterUs: number; bandwidthBps: number; lossRate: number };
}

export interface BalancerSpec {
  /** One dispatcher is a single point of failure (CL-SPOF); two run as a VRRP master/backup pair. */
  balancers: string[];
  servers: BackendSpec[];
  algorithm: Algorithm;
  /** Active health checks: HAProxy `inter 2000 rise 2 fall 3`, check timeout 1 s. */
  checkIntervalUs: number;
  checkTimeoutUs: number;
  rise: number;
  fall: number;
  /** VRRP advertisement interval (keepalived advert_int 1 s); the backup takes over after 3 missed + skew. */
  advertUs: number;
  /** Optional data server on the interconnect: each request first fetches `fetchBytes` from it (CL-NET-BOTTLENECK). */
  storage?: string;
  fetchBytes: number;
  /** Links of the interconnect, whose bandwidth `setInterconnect` changes together. */
  interconnectLinks: string[];
  /** Mean time between requests of one client (Poisson arrivals). */
  requestEveryUs: number;
  /** CPU work of one request on a node of speed 1. */
  workUs: number;
  requestTimeoutUs: number;
  /** A client keeps at most this many requests open; more are refused at the client. */
  maxOutstanding: number;
  /** Template for nodes added with `addServer`. */
  newServer: { cpuSpeed: number; weight: number };
  wiring: BalancerWiring;
}

export const BALANCER_DEFAULTS = {
  algorithm: 'roundrobin' as Algorithm,
  checkIntervalUs: 2_000_000,
  checkTimeoutUs: 1_000_000,
  rise: 2,
  fall: 3,
  advertUs: 1_000_000,
  fetchBytes: 0,
  requestEveryUs: 60_000,
  workUs: 20_000,
  requestTimeoutUs: 3_000_000,
  maxOutstanding: 8,
};

/** Message kinds of the load-balancer model (colours 24–31 of the palette). */
export const BL_MSG = { request: 24, forward: 25, fetch: 26, data: 27, response: 28, reply: 29, check: 30, advert: 31 } as const;

/** Timer tags. */
export const BL_TIMER = { request: 60, timeout: 61, check: 62, checkTimeout: 63, advert: 64, masterDown: 65, sample: 66 } as const;

/** Consistent-hash points per unit of weight (nginx ketama uses 160 per weight; fewer keeps the ring small). */
export const RING_POINTS = 40;

/** The load balancer's state for the panels (node fields are network node indices). */
export interface BalancerSnapshot {
  algorithm: Algorithm;
  balancers: number[];
  master: boolean[];
  /** state: the index in SERVER_STATES; rate: requests served per second lately. */
  backends: { id: string; node: number; weight: number; state: number; active: number; served: number; rate: number }[];
  /** Completed requests while the pool had `servers` nodes (and the interconnect `bps`), after the ramp-up; endUs -1 while it lasts. */
  epochs: { servers: number; bps: number; startUs: number; endUs: number; completed: number; warmupUs: number }[];
  storage: string | null;
  interconnectLinks: string[];
  fetchBytes: number;
}
