import { wcsEn } from './texts.en';
import { wcsEs } from './texts.es';
import { clusterDataEn } from './data.en';
import { clusterDataEs } from './data.es';

/** This lab's texts in both languages (the same keys: each Spanish file is typed by its English one). */
export const clusterTexts = { en: { ...wcsEn, ...clusterDataEn }, es: { ...wcsEs, ...clusterDataEs } };
