/**
 * The IDL interfaces between the cluster's components (SUN-CORBA): in Sun
 * Cluster every call from one node to another is an invocation of an object
 * defined in CORBA IDL. The model sends each call as a typed message; this
 * module names its interface and operation and prints its arguments.
 * (Interface names follow Solaris MC's PxFS and networking components; they
 * are illustrative, not the product's exact IDL.)
 */
import { SUN_MSG, fileById } from './spec';

/** What the invocation of a file object carries. */
export interface FsCall {
  /** The operation in progress on the calling node. */
  op: number;
  step: number;
  fn: 'lookup' | 'getattr' | 'readdir' | 'read' | 'write' | 'invalidate' | 'migrate' | 'locate';
  fid: number;
  name?: string;
  /** The file's version in a result (the content a read sees), or after a write. */
  version?: number;
  bytes?: number;
  /** For a result: the answer to an invalidation rather than to an operation. */
  ack?: boolean;
  /** The caller's invalidation count for this file when it asked (a late result is not cached). */
  epoch?: number;
  /** Process management (SUN-PROC): the process, its threads, the node it goes to or now runs on. */
  pid?: number;
  threads?: number;
  to?: number;
}

/** A packet of a client's TCP connection, as the networking components carry it. */
export interface NetPacket {
  session: number;
  client: number;
  conn: number;
  req: number;
  syn: boolean;
  last: boolean;
  /** Set on replies the owner sends back when it has no state for the connection. */
  rst?: boolean;
}

/** The IDL text shown in the panel: one interface per kind of object invoked across nodes. */
export const IDL_TEXT = `module pxfs {
  interface file {
    attr  getattr();
    bytes read(in long long off, in long len);
    void  write(in long long off, in bytes data);
  };
  interface dir : file {
    file  lookup(in string name);
    names readdir();
  };
  interface cache {      // one per node holding copies
    void  invalidate(in fid f);
  };
};
module proc {
  interface process {    // all threads move together
    void  migrate(in pid p, in long threads, in node to);
  };
  interface pm {         // one per node: where each process runs
    oneway void locate(in pid p, in node n);
  };
};
module mcnet {
  interface pkt_filter {
    oneway void deliver(in conn c, in packet p);
    oneway void send_out(in conn c, in packet p);
  };
};`;

/** Interface of each file-object operation. */
const IFACE: Record<FsCall['fn'], string> = {
  lookup: 'pxfs::dir',
  readdir: 'pxfs::dir',
  getattr: 'pxfs::file',
  read: 'pxfs::file',
  write: 'pxfs::file',
  invalidate: 'pxfs::cache',
  migrate: 'proc::process',
  locate: 'proc::pm',
};

/** `interface::operation(args)` for a file-object invocation. */
export function callText(c: FsCall): string {
  if (c.fn === 'migrate') return `proc::process::migrate(pid=${c.pid}, threads=${c.threads}, to=node ${c.to})`;
  if (c.fn === 'locate') return `proc::pm::locate(pid=${c.pid}, node=${c.to})`;
  const f = fileById(c.fid);
  const target = f ? f.path : `fid ${c.fid}`;
  const args =
    c.fn === 'lookup'
      ? `"${c.name ?? ''}"`
      : c.fn === 'read'
        ? `off=0, len=${c.bytes ?? f?.bytes ?? 0}`
        : c.fn === 'write'
          ? `off=0, data[${c.bytes ?? f?.bytes ?? 0}]`
          : c.fn === 'invalidate'
            ? `fid=${c.fid}`
            : '';
  return `${IFACE[c.fn]}::${c.fn}(${args}) @ ${target}`;
}

/** What the inspector shows for a message of the Sun Cluster model. */
export function describeSun(kind: number, payload: unknown, sharedAddress: string): Record<string, string | number> {
  if (kind === SUN_MSG.invoke || kind === SUN_MSG.invalidate) {
    const c = payload as FsCall;
    return { call: callText(c), interface: IFACE[c.fn], operation: c.fn };
  }
  if (kind === SUN_MSG.result) {
    const c = payload as FsCall;
    const v = c.version !== undefined ? ` -> v${c.version}` : '';
    return { call: `return ${IFACE[c.fn]}::${c.fn}${c.ack ? ' (ack)' : v}`, interface: IFACE[c.fn], operation: c.fn };
  }
  const p = payload as NetPacket;
  const flags = [p.syn ? 'SYN' : '', p.last ? 'FIN' : '', p.rst || kind === SUN_MSG.reset ? 'RST' : ''].filter(Boolean).join(' ');
  const base = { conn: p.conn, request: p.req, ...(flags ? { flags } : {}) };
  if (kind === SUN_MSG.forward) return { call: `mcnet::pkt_filter::deliver(conn=${p.conn})`, ...base };
  if (kind === SUN_MSG.outbound) return { call: `mcnet::pkt_filter::send_out(conn=${p.conn})`, ...base };
  return { packet: `TCP ${kind === SUN_MSG.packet ? '->' : '<-'} ${sharedAddress}:80`, ...base };
}
