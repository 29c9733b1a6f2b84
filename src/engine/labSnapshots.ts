import type { LabId, LabModel } from './labs';

/**
 * What each model's snapshot() gives the panels, by model name (Model.name),
 * taken from the models the registry lists (labs.ts). The UI reads a lab's
 * state through these types: a field the panels read but the model no
 * longer gives is a type error, not an `undefined` on screen.
 */
export type LabSnapshots = { [K in LabId]: ReturnType<NonNullable<LabModel<K>['snapshot']>> };
