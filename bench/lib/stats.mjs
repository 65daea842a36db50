// Small statistics helpers: median and p95 by linear interpolation between order statistics
// (the same definition as numpy's default and Excel's PERCENTILE.INC).

export function quantile(values, q) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

export function round(v, digits = 1) {
  if (v == null || !Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** A measure object for results.json from raw samples. */
export function summarise(name, unit, samples, extra = {}) {
  const digits = unit === 'ms' ? 1 : 2;
  return {
    name,
    unit,
    median: round(median(samples), digits),
    p95: round(p95(samples), digits),
    runs: samples.length,
    samples: samples.map((s) => round(s, digits)),
    ...extra,
  };
}
