/**
 * Number formats for the two languages the app speaks, written by hand: the
 * first `Intl.NumberFormat` a page makes loads the locale's data, which cost
 * about 100 ms on the path to a shared link's first frame. English groups
 * thousands with commas and uses a point; Spanish (Spain) uses a comma and
 * groups with points only from five integer digits up, as `Intl` does.
 */
export interface NumberFormat {
  format(n: number): string;
}

const formats = new Map<string, NumberFormat>();

/** The format for a locale ('en', 'en-GB', 'es', 'es-ES') with the given fraction digits (either may be left out, as with Intl: 0 to 3). */
export function numberFormat(locale: string, minDigits?: number, maxDigits?: number): NumberFormat {
  const key = `${locale}|${minDigits ?? ''}|${maxDigits ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    const min = minDigits ?? 0;
    const max = Math.max(min, maxDigits ?? Math.max(min, 3));
    const es = locale.startsWith('es');
    f = { format: (n) => formatNumber(n, min, max, es) };
    formats.set(key, f);
  }
  return f;
}

function formatNumber(n: number, min: number, max: number, es: boolean): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n < 0 ? '-∞' : '∞';
  // rounds half away from zero on the shortest decimal, as Intl does (toFixed alone would give 1.00 for 1.005)
  const fixed = roundHalfUp(Math.abs(n), max);
  const [int = '0', digits = ''] = fixed.split('.');
  let frac = digits;
  while (frac.length > min && frac.endsWith('0')) frac = frac.slice(0, -1);
  const grouped = int.length > (es ? 4 : 3) ? int.replace(/\B(?=(\d{3})+$)/g, es ? '.' : ',') : int;
  const negative = n < 0 || Object.is(n, -0);
  return (negative ? '-' : '') + grouped + (frac ? (es ? ',' : '.') + frac : '');
}

function roundHalfUp(v: number, digits: number): string {
  // past 2^53 a double has no fraction: its shortest decimal, written out, is what Intl shows
  if (v >= 2 ** 53) return plainDigits(String(v)) + (digits > 0 ? '.' + '0'.repeat(digits) : '');
  const shifted = Number(`${v}e${digits}`);
  return Number.isFinite(shifted) && shifted < 2 ** 53 ? (Math.round(shifted) / 10 ** digits).toFixed(digits) : v.toFixed(digits);
}

/** '1.5e+22' as '15000000000000000000000'. */
function plainDigits(s: string): string {
  const m = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1]! + (m[2] ?? '');
  return digits + '0'.repeat(Number(m[3]) - (digits.length - 1));
}
