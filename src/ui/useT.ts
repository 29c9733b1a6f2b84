import { useCallback } from 'react';
import { translate, type MessageKey } from '../i18n';
import { useLab } from '../store/labStore';

/** The translate function for the current language. */
export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(): T {
  const lang = useLab((s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
