import type { SunSnapshot } from '../../../protocol';
import { useLab } from '../../../store/labStore';

// the type comes from the engine's Sun Cluster (through the wire format): the panels read what the model gives
export type { SunSnapshot } from '../../../protocol';

export function useSun(): SunSnapshot | undefined {
  return useLab((s) => s.panelView?.models.suncluster);
}
