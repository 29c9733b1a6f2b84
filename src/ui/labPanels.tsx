import type { ComponentType } from 'react';
import type { LabId } from '../protocol';
import { balancerRows } from '../labs/balancer/ui/rows';
import { clientServerRows } from '../labs/clientserver/ui/rows';
import { clusterRows } from '../labs/cluster/ui/rows';
import { messagingRows } from '../labs/messaging/ui/rows';
import { parallelRows } from '../labs/parallel/ui/rows';
import { ssiRows } from '../labs/ssi/ui/rows';
import { sunClusterRows } from '../labs/suncluster/ui/rows';

/**
 * The groups of the page that mount one after another once the graph is
 * drawn (labStore's mountStage counts them; MOUNT_STAGES is the last), so the
 * first picture never waits for the panels.
 */
export const STAGE = {
  machines: 1,
  inspector: 2,
  timeline: 3,
  /** A lab's panel in column c (1 to 3) of its row. */
  column: (c: 1 | 2 | 3) => 3 + c,
  log: 7,
} as const;

/** A row of panels a lab shows below the graph, a panel per column (each lab's ui/rows.ts). */
export interface LabRow {
  /** Extra class for the row ('row3' for three columns). */
  className?: string;
  /** The panels, left to right; a model also present in the run can replace one (the SSI console takes the figures' place). */
  columns: ComponentType[];
  /** When another lab's model runs alongside, the first column shows this panel instead. */
  firstWith?: { model: LabId; panel: ComponentType };
}

/** Each lab's rows, in page order, keyed by the engine registry's names (a lab without its line is a type error). */
const LAB_PAGES = {
  clientserver: clientServerRows,
  cluster: clusterRows,
  messaging: messagingRows,
  parallel: parallelRows,
  suncluster: sunClusterRows,
  balancer: balancerRows,
  ssi: ssiRows,
} satisfies Record<LabId, readonly LabRow[]>;

/** Every row with the lab (engine model) whose runs get it, in page order (a run with several models gets each one's rows). */
export const LAB_ROWS: readonly (LabRow & { model: LabId })[] = Object.entries(LAB_PAGES).flatMap(([model, rows]) => rows.map((r) => ({ ...r, model: model as LabId })));

/** The rows of panels for a run whose engine models are `models`, each with its panels mounted by `stage`. */
export function LabRows({ models, stage }: { models: readonly string[]; stage: number }) {
  return (
    <>
      {LAB_ROWS.map((row, i) => {
        if (!models.includes(row.model)) return null;
        return (
          <div key={i} className={row.className ? `row ${row.className}` : 'row'}>
            {row.columns.map((Panel, c) => {
              if (stage < STAGE.column((c + 1) as 1 | 2 | 3)) return null;
              const Shown = c === 0 && row.firstWith && models.includes(row.firstWith.model) ? row.firstWith.panel : Panel;
              return <Shown key={c} />;
            })}
          </div>
        );
      })}
    </>
  );
}
