import { en, type MessageKey } from './en';
import { es } from './es';
import { numberFormat } from './numberFormat';

export type { MessageKey };
export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['es', 'en'];
/**
 * The texts by language. The page starts with the core keys; parts loaded
 * later (the guided lessons) add theirs with `addCatalogues` before they draw.
 */
export const catalogues: Record<Lang, Partial<Record<MessageKey, string>>> = { en: { ...en }, es: { ...es } };

/** Adds a part's texts in both languages (both have the same keys: the catalogue test checks it). */
export function addCatalogues(part: Record<Lang, Partial<Record<MessageKey, string>>>): void {
  for (const lang of LANGS) Object.assign(catalogues[lang], part[lang]);
}

/** Text for a key with {placeholders} filled; parameters are plain text, never markup. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[lang][key] ?? catalogues.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? param(lang, params[name]!) : m));
}

/**
 * A parameter as text: a number with a fraction in the language's way
 * (Spanish 99,95, English 99.95; up to three decimals). Whole numbers stay as
 * they are: they are mostly counts, ids and ports, which read the same in both
 * languages without grouping (callers format large counts with fmtNum).
 */
function param(lang: Lang, v: string | number): string {
  if (typeof v === 'string' || Number.isInteger(v)) return String(v);
  return numberFormat(lang === 'es' ? 'es-ES' : 'en-GB').format(v);
}

/** True when a string is a key of the catalogues (for keys built from data, like `type.${t}`). */
export function isKey(key: string): key is MessageKey {
  return key in catalogues.en;
}

/** The browser's preferred language if we have it, else Spanish (the source document's language). */
export function defaultLang(preferred: readonly string[]): Lang {
  for (const p of preferred) {
    const base = p.toLowerCase().slice(0, 2);
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}
