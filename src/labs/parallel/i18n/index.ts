import { parallelEn } from './texts.en';
import { parallelEs } from './texts.es';

/** This lab's texts in both languages (the same keys: each Spanish file is typed by its English one). */
export const parallelTexts = { en: { ...parallelEn }, es: { ...parallelEs } };
