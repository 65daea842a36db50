/**
 * "—" for missing values, so an empty cell is never mistaken for zero; otherwise `v` with `digits`
 * decimals and en-US thousands separators, exactly as Intl.NumberFormat('en-US') writes it
 * (test/model/format.test.ts holds the two equal), without Intl: creating the first number format
 * loads ICU's data, ~25 ms on the main thread while the first screen draws.
 */
export function formatNumber(v: number | null | undefined, digits = 0): string {
  if (v == null || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  const [whole, fraction] = roundedDigits(Math.abs(v), digits);
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${digits > 0 ? `.${fraction}` : ''}`;
}

/**
 * x ≥ 0 rounded to `digits` decimals, half away from zero, as ICU rounds: from x's shortest decimal
 * form (the one String(x) gives), not its binary value (1.005 → "1.01", where toFixed gives "1.00").
 */
function roundedDigits(x: number, digits: number): [whole: string, fraction: string] {
  const [mantissa, exponent = '0'] = String(x).split('e');
  const [int, frac = ''] = mantissa.split('.');
  let all = int + frac;
  let point = int.length + Number(exponent); // where the decimal point falls in `all`
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  all = all.padEnd(point + digits + 1, '0');
  let kept = all.slice(0, point + digits);
  if (all[point + digits] >= '5') kept = plusOne(kept);
  const whole = kept.slice(0, kept.length - digits).replace(/^0+(?=\d)/, '') || '0';
  return [whole, kept.slice(kept.length - digits)];
}

/** A string of decimal digits plus one ("099" → "100", "99" → "100"). */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String(Number(digits[i]) + 1)}${'0'.repeat(digits.length - i - 1)}`;
}

/** "1 target", "3 targets", "1,200 candidates": a count with its noun in the right number. */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${formatNumber(n)} ${n === 1 ? one : many}`;
