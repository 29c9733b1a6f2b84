import type { LabRow } from '../../../ui/labPanels';
import { StatsPanel } from '../../../ui/StatsPanel';
import { ClusterPanel } from './ClusterPanel';

/** The Windows cluster: the figures, then membership, quorum, groups and data. */
export const clusterRows: readonly LabRow[] = [{ columns: [StatsPanel, ClusterPanel] }];
