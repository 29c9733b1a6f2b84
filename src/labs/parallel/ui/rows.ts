import type { LabRow } from '../../../ui/labPanels';
import { StatsPanel } from '../../../ui/StatsPanel';
import { SsiPanel } from '../../ssi/ui/SsiPanel';
import { ParallelPanel } from './ParallelPanel';

/** Beowulf: the figures (or, with the SSI middleware, its console), then the jobs and the head's table. */
export const parallelRows: readonly LabRow[] = [{ columns: [StatsPanel, ParallelPanel], firstWith: { model: 'ssi', panel: SsiPanel } }];
