import type { ClusterSnapshot } from '../../../protocol';
import { useLab } from '../../../store/labStore';

// the cluster's snapshot types come from the engine's cluster (through the wire format), so the panels read what the model gives
export type { ClusterSnapshot, GroupView } from '../../../protocol';

/** The cluster snapshot of the frame on screen, if the run has a Windows cluster. */
export function useClusterSnapshot(): ClusterSnapshot | undefined {
  return useLab((s) => s.panelView?.models.cluster);
}
