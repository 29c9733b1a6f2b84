import type { LabRow } from '../../../ui/labPanels';
import { MessagingPanel } from './MessagingPanel';
import { RpcPanel } from './RpcPanel';

/** Message passing and RPC: the processes and the module, then the calls. */
export const messagingRows: readonly LabRow[] = [{ className: 'mp-row', columns: [MessagingPanel, RpcPanel] }];
