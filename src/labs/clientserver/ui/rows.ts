import type { LabRow } from '../../../ui/labPanels';
import { StatsPanel } from '../../../ui/StatsPanel';
import { Charts } from './Charts';
import { LayersPanel } from './LayersPanel';
import { ProcessingPanel } from './ProcessingPanel';

/** Client/server: where the layers run, then the figures and their charts. */
export const clientServerRows: readonly LabRow[] = [{ columns: [ProcessingPanel, LayersPanel] }, { columns: [StatsPanel, Charts] }];
