import { csPanelsEn } from './texts.en';
import { csPanelsEs } from './texts.es';

/** This lab's texts in both languages (the same keys: each Spanish file is typed by its English one). */
export const clientServerTexts = { en: { ...csPanelsEn }, es: { ...csPanelsEs } };
