// the messaging lab's snapshot types come from the engine (through the wire format): the panels read what the model gives
export type { MpModule, MpProc, MpSnapshot, RpcCallView, RpcView } from '../../../protocol';
