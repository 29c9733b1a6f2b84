/**
 * What the page needs of sharing before it shares anything: the link's query
 * parameter, the document's version and its file text. The codec (fflate) and
 * the validation (zod) are loaded only when a link or file is made or read.
 * vite.config.ts imports SHARE_PARAM from here: keep this file free of
 * imports other than types.
 */
import type { ShareDoc } from './document';

/** The query parameter that carries a shared run. */
export const SHARE_PARAM = 's';

export const SHARE_VERSION = 1;

/** The document as a file's text (readable JSON). */
export function shareFileText(doc: ShareDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
