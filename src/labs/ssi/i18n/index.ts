import { ssiEn } from './texts.en';
import { ssiEs } from './texts.es';

/** This lab's texts in both languages (the same keys: each Spanish file is typed by its English one). */
export const ssiTexts = { en: { ...ssiEn }, es: { ...ssiEs } };
