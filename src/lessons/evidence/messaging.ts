/** Evidence of the message-passing and RPC presets (src/labs/messaging/engine): process states, the module's own messages, the stubs' steps. */
import { MP_MSG, PS, RPC_STEP } from '../../protocol';
import type { Evidence, LabEvidence, Sample } from './types';

const proc = (s: Sample, id: string) => s.models.messaging?.procs.find((p) => p.id === id);
const batches = (s: Sample) => s.models.messaging?.rpc?.batches ?? [];

/** A process's state change on a machine (each machine runs one process, but in `reliable`). */
const state = (node: string, st: number, more: Partial<Extract<Evidence, { kind: 'event' }>> = {}): Evidence => ({ kind: 'event', type: 'processStateChanged', node, fields: { a: st }, ...more });
const step = (node: string, s: number, more: Partial<Extract<Evidence, { kind: 'event' }>> = {}): Evidence => ({ kind: 'event', type: 'rpcStep', node, fields: { a: s }, ...more });

/** A producer's message: its text, as the process wrote it. */
const PRODUCED = /^m\d+: x=\d+$/;
const CALL_TEXT = /^CALL P\(\d+, Y\)$/;
const RESULT_TEXT = /^result = -?\d+$/;
/** By value, the stub encodes Y's length (1,024 integers) and its elements; by reference, the caller's node and an address. */
const BY_VALUE = /^00 00 00 07 \| [0-9a-f ]{11} \| 00 00 04 00 \| /;
const BY_REFERENCE = /^00 00 00 07 \| [0-9a-f ]{11} \| 00 00 00 [0-9a-f]{2} 00 00 10 00$/;

export const MESSAGING_EVIDENCE: LabEvidence<'noshm' | 'sendrecv' | 'reliable' | 'blocking' | 'rpc' | 'byref' | 'binding' | 'async' | 'orb'> = {
  // a semaphore in each machine's memory for 10 s, then a token passed by messages
  noshm: {
    run: { seconds: 30 },
    tags: {
      'MP-NOSHM': [
        { kind: 'stat', stat: 'mpOverlapsSem', op: '>', value: 0, at: 10 },
        { kind: 'stat', stat: 'mpOverlapsMsg', op: '<=', value: 0 },
        { kind: 'message', msgKind: MP_MSG.data, carries: { mpText: /^token from P\d$/ }, during: [10, 30], min: 10 },
      ],
      'MP-SENDRECV': [
        { kind: 'message', msgKind: MP_MSG.data, from: 'm1', to: 'm2', carries: { mpText: 'token from P1' } },
        { kind: 'message', msgKind: MP_MSG.data, from: 'm2', to: 'm1', carries: { mpText: 'token from P2' } },
        { kind: 'state', says: 'P1 and P2 each received the token into their buffer', holds: (s) => ['P1', 'P2'].every((id) => (proc(s, id)?.received ?? 0) > 0 && /^token from/.test(proc(s, id)?.recvBuf ?? '')) },
      ],
      // a process waits for the token (blocking receive) and each, passing it on, for its acknowledgement (blocking send)
      'MP-BLOCK': [
        state('m1', PS.blockedRecv, { during: [10, 30] }),
        state('m1', PS.blockedSend, { during: [10, 30] }),
        state('m2', PS.blockedSend, { during: [10, 30] }),
      ],
    },
  },
  sendrecv: {
    run: { seconds: 20 },
    tags: {
      'MP-SENDRECV': [
        { kind: 'message', msgKind: MP_MSG.data, from: 'm1', to: 'm2', carries: { mpText: PRODUCED }, min: 10 },
        { kind: 'state', says: 'A sent and B received at least 10 messages, the last one in its buffer', holds: (s) => (proc(s, 'A')?.sent ?? 0) >= 10 && (proc(s, 'B')?.received ?? 0) >= 10 && PRODUCED.test(proc(s, 'B')?.recvBuf ?? '') },
      ],
      // the module wraps the 512-byte message in its header and acknowledges it: messages no process sent
      'MP-MODULE': [
        { kind: 'message', msgKind: MP_MSG.data, from: 'm1', to: 'm2', carries: { bytes: 552 } },
        { kind: 'message', msgKind: MP_MSG.ack, from: 'm2', to: 'm1', min: 10 },
        { kind: 'compare', left: 'mpReliableMsgs', op: '>', right: 'mpReliableUseful' },
      ],
      'MP-BLOCK': [
        state('m1', PS.blockedSend),
        state('m2', PS.blockedRecv),
        { kind: 'state', says: 'A spent time blocked in Send', holds: (s) => (proc(s, 'A')?.blockedUs ?? 0) > 0 },
      ],
    },
  },
  // a lossy, corrupting link; the lesson cuts the receiver's link at 40 s
  reliable: {
    run: { seconds: 70, commands: [{ at: 40, cmd: { type: 'cutLink', link: 'm2~net' } }] },
    tags: {
      // retransmitted until acknowledged; the sender hears only of a failure
      'MP-RELIABLE': [
        { kind: 'event', type: 'retransmitted', node: 'm1', min: 5, during: [0, 40] },
        { kind: 'event', type: 'deliveryFailed', node: 'm1', during: [40, 70] },
        { kind: 'state', says: 'R-send was told of failures', holds: (s) => (proc(s, 'R1')?.failures ?? 0) > 0 },
      ],
      // no acknowledgements, no retransmissions: losses stay lost and nobody is told
      'MP-UNRELIABLE': [
        { kind: 'compare', left: 'mpUnreliableUseful', op: '<', right: 'mpUnreliableMsgs', at: 40 },
        { kind: 'compare', left: 'mpUnreliableMsgs', op: '<', right: 'mpReliableMsgs', at: 40 },
        { kind: 'state', says: 'U-send was never told of a loss, even with the link cut', holds: (s) => proc(s, 'U1')?.failures === 0 && (proc(s, 'U1')?.sent ?? 0) > 0 },
      ],
      // below the processes the module discards corrupt and duplicate copies and acknowledges
      'MP-MODULE': [
        { kind: 'event', type: 'messageDiscarded', node: 'm2', fields: { a: 0 } },
        { kind: 'event', type: 'messageDiscarded', node: 'm2', fields: { a: 1 } },
        { kind: 'message', msgKind: MP_MSG.ack, from: 'm2', to: 'm1', min: 10 },
      ],
      // the non-blocking senders get their buffer back as soon as it is copied, and never block
      'MP-NONBLOCK': [
        { kind: 'event', type: 'bufferFree', node: 'm1', min: 10 },
        state('m1', PS.blockedSend, { max: 0 }),
      ],
    },
  },
  // the lesson changes N1's buffer while the module still sends from it (no copy)
  blocking: {
    run: { seconds: 30, commands: [10_000, 10_040, 10_080, 10_120, 10_160].map((ms) => ({ at: ms / 1000, cmd: { type: 'mpMutate', process: 'N1' } })) },
    tags: {
      'MP-BLOCK': [
        state('m1', PS.blockedSend),
        state('m2', PS.blockedRecv),
        { kind: 'state', says: 'the blocking sender spent time blocked', holds: (s) => (proc(s, 'B1')?.blockedUs ?? 0) > 0 },
      ],
      'MP-NONBLOCK': [
        { kind: 'event', type: 'bufferFree', node: 'm3', min: 10 },
        { kind: 'event', type: 'bufferChanged', node: 'm3', fields: { a: 1 } },
        { kind: 'state', says: 'the receiver got a message changed after it was sent', holds: (s) => (proc(s, 'N2')?.altered ?? 0) > 0 },
      ],
      // the polling receiver never blocks: it polls, often finding nothing
      'MP-NONBLOCK-RECV': [
        state('m4', PS.blockedRecv, { max: 0 }),
        { kind: 'state', says: 'the receiver polled, some polls empty, and received', holds: (s) => (proc(s, 'N2')?.polls ?? 0) > 0 && (proc(s, 'N2')?.emptyPolls ?? 0) > 0 && (proc(s, 'N2')?.received ?? 0) > 0 },
      ],
      'MP-MODULE': [
        { kind: 'message', msgKind: MP_MSG.ack, from: 'm2', to: 'm1', min: 10 },
        { kind: 'message', msgKind: MP_MSG.ack, from: 'm4', to: 'm3', min: 10 },
        { kind: 'message', msgKind: MP_MSG.data, from: 'm3', to: 'm4', carries: { bytes: 552 } },
      ],
    },
  },
  rpc: {
    run: { seconds: 20 },
    tags: {
      'RPC-CALL': [
        { kind: 'message', msgKind: MP_MSG.call, from: 'c', to: 's', carries: { mpText: CALL_TEXT } },
        { kind: 'message', msgKind: MP_MSG.reply, from: 's', to: 'c', carries: { mpText: RESULT_TEXT } },
        step('c', RPC_STEP.returned, { min: 3 }),
      ],
      // the client stub marshals, the server stub unmarshals and calls P, the reply comes back through both
      'RPC-STUBS': [
        step('c', RPC_STEP.marshal),
        step('s', RPC_STEP.unmarshal),
        step('s', RPC_STEP.execute),
        step('s', RPC_STEP.reply),
        step('c', RPC_STEP.unmarshalReply),
        { kind: 'message', msgKind: MP_MSG.call, from: 'c', to: 's', carries: { mpEncoded: /^00 00 00 07 \| / } },
      ],
      'RPC-SYNC': [
        state('c', PS.blockedRecv, { min: 3 }),
        { kind: 'state', says: 'the caller spent time blocked', holds: (s) => (proc(s, 'C')?.blockedUs ?? 0) > 0 },
      ],
      'RPC-BYVAL': [
        { kind: 'message', msgKind: MP_MSG.call, from: 'c', to: 's', carries: { mpEncoded: BY_VALUE } },
        { kind: 'message', msgKind: MP_MSG.deref, max: 0 },
      ],
    },
  },
  // by value for 6 s, then by reference
  byref: {
    run: { seconds: 20 },
    tags: {
      'RPC-BYVAL': [
        { kind: 'message', msgKind: MP_MSG.call, from: 'c', to: 's', carries: { mpEncoded: BY_VALUE }, during: [0, 6] },
        { kind: 'message', msgKind: MP_MSG.deref, max: 0, during: [0, 6] },
      ],
      // the call carries a system-wide pointer; the server reaches back through it for Y
      'RPC-BYREF': [
        { kind: 'message', msgKind: MP_MSG.call, from: 'c', to: 's', carries: { mpEncoded: BY_REFERENCE }, during: [6, 20] },
        { kind: 'message', msgKind: MP_MSG.deref, from: 's', to: 'c', carries: { mpText: 'read *Y' }, during: [6, 20] },
        step('s', RPC_STEP.deref, { during: [6, 20] }),
        { kind: 'stat', stat: 'rpcMsgsPerCall', op: '>', value: 3 },
      ],
      'RPC-STUBS': [
        step('c', RPC_STEP.marshal),
        step('s', RPC_STEP.unmarshal),
        step('s', RPC_STEP.writeBack, { during: [6, 20] }),
      ],
    },
  },
  // a connection per call for 8 s, then one persistent connection; a short idle timeout at 30 s lets it close
  binding: {
    run: { seconds: 45, commands: [{ at: 30, cmd: { type: 'rpcSet', idleTimeoutUs: 100_000 } }] },
    tags: {
      'RPC-BIND-TRANS': [
        { kind: 'event', type: 'connectionOpened', node: 'c', min: 3, during: [0, 8] },
        { kind: 'event', type: 'connectionClosed', node: 'c', fields: { a: 0 }, min: 3, during: [0, 8] },
        { kind: 'message', msgKind: MP_MSG.connect, from: 'c', to: 's', min: 3, during: [0, 8] },
      ],
      'RPC-BIND-PERSIST': [
        { kind: 'event', type: 'connectionOpened', max: 1, during: [9, 30] },
        step('c', RPC_STEP.returned, { min: 20, during: [9, 30] }),
        { kind: 'event', type: 'connectionClosed', fields: { a: 1 }, during: [30, 45] },
      ],
    },
  },
  // batches of 5 calls, synchronous and asynchronous in turn
  async: {
    run: { seconds: 30 },
    tags: {
      'RPC-SYNC': [
        state('c', PS.blockedRecv, { min: 5 }),
        { kind: 'state', says: 'a synchronous batch of 5 calls took longer than an asynchronous one', holds: (s) => slowest(s, false) > slowest(s, true) && slowest(s, true) > 0 },
      ],
      'RPC-ASYNC': [
        { kind: 'state', says: 'an asynchronous batch of 5 calls took under 60 % of a synchronous one', holds: (s) => slowest(s, true) > 0 && slowest(s, true) < 0.6 * slowest(s, false) },
        { kind: 'event', type: 'rpcStep', node: 'c', fields: { a: RPC_STEP.call }, min: 10 },
      ],
    },
  },
  orb: {
    run: { seconds: 30 },
    tags: {
      // the broker looks the object up in its directory and calls it for the client; an unknown one is an error
      'RPC-ORB': [
        step('b', RPC_STEP.lookup),
        step('b', RPC_STEP.forward),
        { kind: 'message', msgKind: MP_MSG.call, from: 'b', to: 's1', carries: { mpText: /^CALL Account\.P\(/ } },
        { kind: 'message', msgKind: MP_MSG.call, from: 'b', to: 's2', carries: { mpText: /^CALL Stock\.P\(/ } },
        { kind: 'message', msgKind: MP_MSG.reply, to: 'c', carries: { mpText: /no object Printer/ } },
      ],
      'RPC-CALL': [
        { kind: 'message', msgKind: MP_MSG.call, from: 'c', to: 'b', carries: { mpText: CALL_TEXT } },
        { kind: 'message', msgKind: MP_MSG.reply, from: 'b', to: 'c', carries: { mpText: RESULT_TEXT } },
        step('c', RPC_STEP.returned, { min: 3 }),
      ],
    },
  },
};

/** The longest batch of 5 calls of one mode (0 if none finished). */
function slowest(s: Sample, async: boolean): number {
  return Math.max(0, ...batches(s).filter((b) => b.async === async && b.n === 5).map((b) => b.us));
}
