/**
 * The share document on the wire: deflated JSON in base64url for links
 * (`?s=`), plain JSON for files. Both ways in end in `validateShare`.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { SHARE_LIMITS, validateShare, type ShareDoc, type ShareResult } from './document';

export { SHARE_PARAM, shareFileText } from './link';

/** A document as the `?s=` value: compressed, URL-safe, no padding. */
export function encodeShare(doc: ShareDoc): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 }));
}

/** Reads a `?s=` value; every failure is a named problem, never an exception. */
export function decodeShare(text: string): ShareResult {
  if (text.length > SHARE_LIMITS.maxEncoded) return tooLarge(text.length, SHARE_LIMITS.maxEncoded);
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1 || text.length === 0) return { ok: false, problem: { code: 'badEncoding', params: {} } };
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text);
  } catch {
    return { ok: false, problem: { code: 'badEncoding', params: {} } };
  }
  let json: Uint8Array;
  try {
    // one byte more than allowed: a longer output is cut there, which tells us it was too big
    json = inflateSync(bytes, { out: new Uint8Array(SHARE_LIMITS.maxJson + 1) });
  } catch {
    return { ok: false, problem: { code: 'badCompression', params: {} } };
  }
  if (json.length > SHARE_LIMITS.maxJson) return tooLarge(json.length, SHARE_LIMITS.maxJson);
  return parseJson(strFromU8(json));
}

/** Reads a file's text (its size in bytes checked first, before reading it whole). */
export function readShareFile(text: string): ShareResult {
  if (text.length > SHARE_LIMITS.maxJson) return tooLarge(text.length, SHARE_LIMITS.maxJson);
  return parseJson(text);
}

/** A file is refused by size before it is read. */
export function fileTooLarge(sizeBytes: number): ShareResult | null {
  return sizeBytes > SHARE_LIMITS.maxJson ? tooLarge(sizeBytes, SHARE_LIMITS.maxJson) : null;
}

function parseJson(text: string): ShareResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'badJson', params: {} } };
  }
  return validateShare(raw);
}

function tooLarge(size: number, max: number): ShareResult {
  return { ok: false, problem: { code: 'tooLarge', params: { size, max } } };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
