import type { LabRow } from '../../../ui/labPanels';
import { StatsPanel } from '../../../ui/StatsPanel';
import { BalancerPanel } from './BalancerPanel';
import { ScalePanel } from './ScalePanel';

/** Load balancing: the figures, the dispatcher, scaling. */
export const balancerRows: readonly LabRow[] = [{ className: 'row3', columns: [StatsPanel, BalancerPanel, ScalePanel] }];
