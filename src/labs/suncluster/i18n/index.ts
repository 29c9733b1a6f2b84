import { sunclusterEn } from './texts.en';
import { sunclusterEs } from './texts.es';

/** This lab's texts in both languages (the same keys: each Spanish file is typed by its English one). */
export const sunClusterTexts = { en: { ...sunclusterEn }, es: { ...sunclusterEs } };
