import type { ComponentType } from 'react';
import { BalancerPanel } from './BalancerPanel';
import { Charts } from './Charts';
import { ClusterPanel } from './ClusterPanel';
import { LayersPanel } from './LayersPanel';
import { MessagingPanel } from './messaging/MessagingPanel';
import { RpcPanel } from './messaging/RpcPanel';
import { ParallelPanel } from './ParallelPanel';
import { ProcessingPanel } from './ProcessingPanel';
import { ScalePanel } from './ScalePanel';
import { SsiPanel } from './SsiPanel';
import { StatsPanel } from './StatsPanel';
import { SunFsPanel } from './suncluster/SunFsPanel';
import { SunNetPanel } from './suncluster/SunNetPanel';

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

/** The panels a lab shows below the graph: one row, a panel per column, keyed by the engine model's name. */
export interface LabRow {
  /** The engine model whose runs get this row (Model.name). */
  model: string;
  /** Extra class for the row ('row3' for three columns). */
  className?: string;
  /** The panels, left to right; a model also present in the run can replace one (the SSI console takes the figures' place). */
  columns: ComponentType[];
  /** When another model runs alongside (by name), the first column shows this panel instead. */
  firstWith?: { model: string; panel: ComponentType };
}

/** Which rows each lab's runs get, in page order (a run with several models gets each one's rows). */
export const LAB_ROWS: readonly LabRow[] = [
  { model: 'clientserver', columns: [ProcessingPanel, LayersPanel] },
  { model: 'clientserver', columns: [StatsPanel, Charts] },
  { model: 'cluster', columns: [StatsPanel, ClusterPanel] },
  { model: 'messaging', className: 'mp-row', columns: [MessagingPanel, RpcPanel] },
  { model: 'parallel', columns: [StatsPanel, ParallelPanel], firstWith: { model: 'ssi', panel: SsiPanel } },
  { model: 'suncluster', className: 'row3', columns: [StatsPanel, SunNetPanel, SunFsPanel] },
  { model: 'balancer', className: 'row3', columns: [StatsPanel, BalancerPanel, ScalePanel] },
];

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
