// formatNumber writes numbers as Intl.NumberFormat('en-US') does, without Intl (its start-up cost):
// checked against Intl itself, for any number and 0–4 decimals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countOf, formatNumber } from '../../src/model/format';

const intl = (v: number, digits: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);

describe('formatNumber', () => {
  it('writes every number as Intl.NumberFormat("en-US") does', () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000), // ties at the third decimal
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n + 0.5),
      fc.constantFrom(0, -0, 0.5, -0.5, 1.005, 2.675, 999.995, 9.995, 99999.5, 1e21, 1.5e300, 5e-324, -1e-7),
    );
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 4 }), (v, digits) => formatNumber(v, digits) === intl(v, digits)),
      { numRuns: 20_000 },
    );
  });

  it('shows a missing value as a dash, never as zero', () => {
    for (const v of [null, undefined, NaN]) expect(formatNumber(v)).toBe('—');
  });

  it('counts with the noun in the right number', () => {
    expect(countOf(1, 'target')).toBe('1 target');
    expect(countOf(1200, 'candidate')).toBe('1,200 candidates');
  });
});
