const formatters = new Map<number, Intl.NumberFormat>();

/** "—" for missing values, so an empty cell is never mistaken for zero. */
export function formatNumber(v: number | null | undefined, digits = 0): string {
  if (v == null || Number.isNaN(v)) return '—';
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })));
  return f.format(v);
}

/** "1 target", "3 targets", "1,200 candidates": a count with its noun in the right number. */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${formatNumber(n)} ${n === 1 ? one : many}`;
