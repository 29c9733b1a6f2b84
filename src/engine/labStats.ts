import type { LabId, LabModel, Merged } from './labs';

/** The kernel's own figures, in every run. */
export interface KernelStats {
  messagesDelivered: number;
  messagesDropped: number;
}

/**
 * Every figure a run can report, by name: the kernel's and each lab's, as
 * its model's stats() returns them (the models the registry lists, labs.ts).
 * A frame carries those of the run's models (WorldView.stats); the panels and
 * the lessons' goals name figures through this type, so a misspelt or removed
 * figure is a type error.
 */
export type LabStats = KernelStats & Merged<{ [K in LabId]: ReturnType<LabModel<K>['stats']> }[LabId]>;

export type StatName = keyof LabStats;
