// DOL files state each offered wage with its pay period (WAGE_UNIT_OF_PAY). Comparing offers needs
// one unit: a year of full-time work, as BLS annualises OEWS wages (hourly × 2,080 = 40 hours × 52
// weeks). The other multipliers follow from the same 52-week year.

export const WAGE_UNITS = {
  Year: 1,
  Hour: 2080,
  Week: 52,
  'Bi-Weekly': 26,
  Month: 12,
} as const;
export type WageUnit = keyof typeof WAGE_UNITS;

export const WAGE_UNIT_RULE =
  'annual = hourly × 2,080 (40 h × 52 weeks, the BLS OEWS full-time year), weekly × 52, bi-weekly × 26, monthly × 12';
export const WAGE_UNIT_SOURCE =
  'BLS OEWS technical notes: annual wages are hourly wages × a year-round, full-time 2,080 hours (bls.gov/oes, "About the estimates")';

/**
 * Annualised wages outside this range are kept as filings but left out of wage figures: the unit is
 * almost certainly wrong (DOL's own data hold e.g. "245000 per Hour"). The floor is the federal
 * minimum wage for a full-time year ($7.25 × 2,080); the ceiling is a judgement: no health-care
 * offer in DOL's FY2025 data above it has a plausible unit.
 */
export const PLAUSIBLE_ANNUAL_WAGE = { min: 15_080, max: 2_000_000 } as const;

/** A unit as written, reduced to compare: case, spaces, hyphens and underscores vary after a spreadsheet re-save. */
export const wageUnitKey = (written: string): string => written.toLowerCase().replace(/[\s_-]+/g, '');

/** Each canonical unit's comparison key ("biweekly" for "Bi-Weekly"). */
export const WAGE_UNIT_KEYS = Object.fromEntries((Object.keys(WAGE_UNITS) as WageUnit[]).map((u) => [wageUnitKey(u), u])) as Record<
  string,
  WageUnit
>;

/** The canonical unit for a unit as written; undefined if it is not one of DOL's five. */
export function wageUnit(written: string): WageUnit | undefined {
  return Object.hasOwn(WAGE_UNIT_KEYS, wageUnitKey(written)) ? WAGE_UNIT_KEYS[wageUnitKey(written)] : undefined;
}

export function annualWage(amount: number, unit: WageUnit): number {
  return amount * WAGE_UNITS[unit];
}

export function isPlausibleAnnualWage(annual: number): boolean {
  return annual >= PLAUSIBLE_ANNUAL_WAGE.min && annual <= PLAUSIBLE_ANNUAL_WAGE.max;
}
