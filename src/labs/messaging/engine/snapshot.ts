import type { MessagingModel } from './messagingModel';
import type { MpSnapshot } from './snapshotTypes';
import { PS } from './spec';

/** Most entries of a list shown per module (the panel says how many more). */
const SHOWN = 12;

/**
 * The lab's state for the panels and the space-time diagram: processes
 * (state, buffers, counters, time blocked), each node's module (send queue,
 * unacknowledged messages, reorder buffer, receive buffers), RPC calls,
 * connections, batches and the broker's directory, and the diagram rings.
 */
export function messagingSnapshot(m: MessagingModel, nowUs: number): MpSnapshot {
  const procs = m.procs.list.map((p) => ({
    id: p.spec.id,
    label: p.spec.label,
    node: p.node,
    program: p.spec.program,
    peer: m.procs.byId(p.spec.peer)?.spec.label ?? '',
    state: p.state,
    sinceUs: p.sinceUs,
    service: p.service,
    sendMode: p.sendMode,
    copy: p.copy,
    recvMode: p.recvMode,
    buffer: p.buffer,
    bufferBusy: p.bufferBusy,
    recvBuf: p.recvBuf,
    sent: p.sent,
    received: p.received,
    failures: p.failures,
    altered: p.altered,
    polls: p.polls,
    emptyPolls: p.emptyPolls,
    pollUs: p.pollUs,
    interrupts: p.interrupts,
    backgroundUs: p.backgroundUs,
    blockedUs: m.procs.timeIn(p, PS.blockedSend, nowUs) + m.procs.timeIn(p, PS.blockedRecv, nowUs),
    runUs: m.procs.timeIn(p, PS.running, nowUs),
    sem: p.sem,
    inCritical: p.inCritical,
  }));
  const label = (i: number) => m.procs.list[i]?.spec.label ?? `#${i}`;
  const modules = [...m.transport.modules.entries()].map(([node, mod]) => ({
    node,
    queue: mod.queue.slice(0, SHOWN).map((o) => ({ uid: o.uid, to: label(o.to.index), text: o.nocopy ? o.from.buffer : o.text, seq: o.seq })),
    queued: mod.queue.length,
    unacked: mod.unacked.slice(0, SHOWN).map((o) => ({ uid: o.uid, to: label(o.to.index), seq: o.seq, tries: o.tries, rtoUs: o.rtoUs })),
    unackedCount: mod.unacked.length,
    reorder: [...mod.expected.entries()].flatMap(([, st]) => [...st.reorder.values()].map((e) => ({ from: label(e.from), seq: e.seq, expected: st.seq, text: e.text }))).slice(0, SHOWN),
    mailboxes: [...mod.mailbox.entries()].map(([proc, box]) => ({ proc: label(proc), items: box.slice(0, SHOWN).map((d) => d.text), count: box.length })),
    rtoUs: [...mod.rtt.values()].map((r) => r.rto),
  }));
  const r = m.rpc;
  const rpc = r && {
    byRef: r.spec.byRef,
    binding: r.spec.binding,
    mode: r.spec.mode,
    calls: r.spec.calls,
    idleTimeoutUs: r.spec.idleTimeoutUs,
    recent: r.calls.slice(-12).map((c) => ({
      id: c.id, client: label(c.client), target: label(c.target), object: c.object ?? '', x: c.x, y: c.y, step: c.step, async: c.async,
      result: c.error ? c.error : Number.isNaN(c.result) ? '' : String(c.result), encoded: c.encoded, msgs: c.msgs, bytes: c.bytes, replied: c.replied,
    })),
    conns: [...r.binder.conns.values()].filter((c) => r.spec.binding === 'persistent' || c.state !== 'closed').map((c) => ({ client: label(c.client), server: label(c.server), state: c.state })),
    batches: r.batches.slice(-10),
    directory: r.spec.directory ? Object.entries(r.spec.directory).map(([name, proc]) => ({ name, proc, node: m.procs.byId(proc)?.node ?? -1 })) : null,
    costs: [...r.costs.entries()].map(([key, k]) => ({ key, ...k })),
    servers: [...r.servers.entries()].map(([i, s]) => ({ proc: label(i), phase: s.phase, queued: s.queue.length, serving: s.cur?.call.id ?? -1 })),
  };
  return {
    procs,
    modules,
    rpc,
    corruptRate: m.spec.corruptRate,
    rto: { initUs: m.spec.rtoInitUs, minUs: m.spec.rtoMinUs, maxUs: m.spec.rtoMaxUs, maxRetries: m.spec.maxRetries },
    noshmSwitchUs: m.spec.noshmSwitchUs ?? -1,
    diagram: m.diagram.view(),
  };
}
