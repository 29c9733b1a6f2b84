import type { LabRow } from '../../../ui/labPanels';
import { StatsPanel } from '../../../ui/StatsPanel';
import { SunFsPanel } from './SunFsPanel';
import { SunNetPanel } from './SunNetPanel';

/** Sun Cluster: the figures, the networking design, the global file system. */
export const sunClusterRows: readonly LabRow[] = [{ className: 'row3', columns: [StatsPanel, SunNetPanel, SunFsPanel] }];
