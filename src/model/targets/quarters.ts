// Calendar quarters labelled "2027-Q4"; a target falls due at the end of its quarter.

import type { IsoDate } from '../types';

export interface Quarter {
  year: number;
  /** 1 to 4. */
  quarter: number;
}

const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/;
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

export function parseQuarter(label: string): Quarter | undefined {
  const match = QUARTER_LABEL.exec(label);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : undefined;
}

export function isQuarterLabel(label: string): boolean {
  return QUARTER_LABEL.test(label);
}

export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

function requireQuarter(label: string): Quarter {
  const parsed = parseQuarter(label);
  if (!parsed) throw new RangeError(`not a quarter label (expected e.g. "2027-Q4"): ${JSON.stringify(label)}`);
  return parsed;
}

/** First day of the quarter: quarterStart("2027-Q4") → "2027-10-01". */
export function quarterStart(label: string): IsoDate {
  const { year, quarter } = requireQuarter(label);
  return `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
}

/** Last day of the quarter: quarterEnd("2027-Q4") → "2027-12-31". */
export function quarterEnd(label: string): IsoDate {
  const { year, quarter } = requireQuarter(label);
  return `${year}-${LAST_DAY[quarter - 1]}`;
}

/** The quarter a YYYY-MM-DD date falls in: "2026-11-23" → "2026-Q4". */
export function quarterOf(date: IsoDate): string {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return quarterLabel({ year: Number(match[1]), quarter: Math.ceil(month / 3) });
}

export function addQuarters(label: string, count: number): string {
  const { year, quarter } = requireQuarter(label);
  const index = year * 4 + (quarter - 1) + count;
  return quarterLabel({ year: Math.floor(index / 4), quarter: (index % 4) + 1 });
}

export interface NextQuartersOptions {
  /** Start with the quarter containing `from` (default false: start with the one after it). */
  includeCurrent?: boolean;
}

/** The next `count` quarter labels after the date, e.g. choices for a target's due quarter. */
export function nextQuarters(from: IsoDate, count: number, options: NextQuartersOptions = {}): string[] {
  const first = addQuarters(quarterOf(from), options.includeCurrent ? 0 : 1);
  return Array.from({ length: Math.max(0, count) }, (_, i) => addQuarters(first, i));
}
