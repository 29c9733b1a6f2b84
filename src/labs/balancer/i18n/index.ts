import { lbEn } from './texts.en';
import { lbEs } from './texts.es';

/** This lab's texts in both languages (the same keys: each Spanish file is typed by its English one). */
export const balancerTexts = { en: { ...lbEn }, es: { ...lbEs } };
