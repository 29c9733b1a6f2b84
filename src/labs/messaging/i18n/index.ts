import { messagingEn } from './texts.en';
import { messagingEs } from './texts.es';

/** This lab's texts in both languages (the same keys: each Spanish file is typed by its English one). */
export const messagingTexts = { en: { ...messagingEn }, es: { ...messagingEs } };
