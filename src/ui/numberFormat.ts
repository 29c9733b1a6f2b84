/** Number formats made once per language and precision: making an Intl.NumberFormat costs far more than formatting with one. */
const formats = new Map<string, Intl.NumberFormat>();

/** The format for a locale with the given fraction digits (either may be left out). */
export function numberFormat(locale: string, minDigits?: number, maxDigits?: number): Intl.NumberFormat {
  const key = `${locale}|${minDigits ?? ''}|${maxDigits ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    const opts: Intl.NumberFormatOptions = {};
    if (minDigits !== undefined) opts.minimumFractionDigits = minDigits;
    if (maxDigits !== undefined) opts.maximumFractionDigits = maxDigits;
    f = new Intl.NumberFormat(locale, opts);
    formats.set(key, f);
  }
  return f;
}
