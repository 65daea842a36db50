// The period a DOL LCA file covers, as it will be shown beside every figure: DOL publishes the
// disclosure files by federal fiscal year (from October 1) and quarter.
import type { SqlEngine } from '../../engine/engine';

export interface LcaPeriod {
  /** "FY2025 Q2" */
  label: string;
  /** Where the label comes from. */
  basis: string;
}

/** Federal fiscal year and quarter of a date: October–December is Q1 of the next year's FY. */
export function fiscalQuarter(date: Date): { fy: number; quarter: number } {
  const month = date.getUTCMonth(); // 0 = January
  return { fy: date.getUTCFullYear() + (month >= 9 ? 1 : 0), quarter: ((Math.floor(month / 3) + 1) % 4) + 1 };
}

// Y-M-D text (DOL's own), or M/D/Y after a spreadsheet re-save.
const DATE = `CASE WHEN regexp_matches(decision_raw, '^\\d{1,2}/\\d{1,2}/\\d{4}')
  THEN TRY_CAST(split_part(split_part(decision_raw, ' ', 1), '/', 3) || '-' || split_part(decision_raw, '/', 1) || '-' || split_part(decision_raw, '/', 2) AS DATE)
  ELSE TRY_CAST(left(decision_raw, 10) AS DATE) END`;

export async function lcaPeriod(db: SqlEngine, kept: string, fileName: string): Promise<LcaPeriod> {
  const stated = await db.query<{ year: string; quarter: string }>(
    `SELECT DISTINCT year_raw AS year, quarter_raw AS quarter FROM ${kept} WHERE regexp_matches(year_raw, '^\\d{4}$') AND regexp_matches(quarter_raw, '^Q?[1-4]$') ORDER BY 1, 2`,
  );
  if (stated.length) {
    const label = stated.map((s) => `FY${s.year} Q${s.quarter.replace('Q', '')}`).join(', ');
    return { label, basis: 'the file’s Year and Quarter columns' };
  }
  const [d] = await db.query<{ first: Date | null; last: Date | null }>(`SELECT min(${DATE}) AS first, max(${DATE}) AS last FROM ${kept}`);
  if (d.last && d.first) {
    const { fy, quarter } = fiscalQuarter(d.last);
    const day = (x: Date) => x.toISOString().slice(0, 10);
    return { label: `FY${fy} Q${quarter}`, basis: `decision dates ${day(d.first)} to ${day(d.last)}` };
  }
  const named = /FY\s*_?(\d{4})[\s_-]*Q([1-4])/i.exec(fileName);
  if (named) return { label: `FY${named[1]} Q${named[2]}`, basis: 'the file name' };
  return { label: 'period not stated in the file', basis: 'no Year/Quarter or DECISION_DATE column, and no FY…Q… in the file name' };
}
