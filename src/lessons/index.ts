/** The lessons in the order of the source document, and where to find one by id. */
import { architecture } from './content/architecture';
import { beowulf } from './content/beowulf';
import { clusters } from './content/clusters';
import { clientserver } from './content/clientserver';
import { design } from './content/design';
import { intro } from './content/intro';
import { messaging } from './content/messaging';
import { primitives } from './content/primitives';
import { processing } from './content/processing';
import { rpc } from './content/rpc';
import { sun } from './content/sun';
import { wcs } from './content/wcs';
import type { Lesson } from './types';
// the lessons' texts come with them
import '../i18n/lessonTexts';

export const LESSONS: readonly Lesson[] = [intro, clientserver, processing, messaging, primitives, rpc, clusters, design, architecture, wcs, sun, beowulf];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export { CONCEPTS, CONCEPT_IDS, type ConceptId } from './concepts';
export { goalMet, type Observation } from './goals';
export { HINT_MS, lessonMachine, currentStep, type LessonContext, type LessonEvent } from './lessonMachine';
export { asKey, requiredKeys, stepKey } from './keys';
export type { Lesson, Step } from './types';
