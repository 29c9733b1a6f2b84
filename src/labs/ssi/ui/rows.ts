import type { LabRow } from '../../../ui/labPanels';

/** Single-system image: no row of its own; its console takes the first column of the Beowulf's row (parallel/ui/rows.ts). */
export const ssiRows: readonly LabRow[] = [];
