import type { Model } from './model';
import type { WorldSpec } from './types';

/**
 * What a lab gives the engine (src/labs/<lab>/engine/lab.ts): its model for
 * the worlds that ask for it. The registry (labs.ts) lists one per lab. (Its
 * message kinds are listed apart, in messageKinds.ts, because the page reads
 * them and must not load the models.)
 */
export interface LabEngine<M extends Model = Model> {
  /** The lab's model, with its own copy of the world's settings (commands change them), if the world runs it. */
  create(world: WorldSpec): M | undefined;
}
