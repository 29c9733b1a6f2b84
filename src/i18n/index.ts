import { en, type MessageKey } from './en';
import { es } from './es';

export type { MessageKey };
export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['es', 'en'];
export const catalogues: Record<Lang, Record<MessageKey, string>> = { en, es };

/** Text for a key with {placeholders} filled; parameters are plain text, never markup. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[lang][key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** True when a string is a key of the catalogues (for keys built from data, like `type.${t}`). */
export function isKey(key: string): key is MessageKey {
  return key in en;
}

/** The browser's preferred language if we have it, else Spanish (the source document's language). */
export function defaultLang(preferred: readonly string[]): Lang {
  for (const p of preferred) {
    const base = p.toLowerCase().slice(0, 2);
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}
