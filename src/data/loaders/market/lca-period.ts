// The period a DOL LCA file covers, as it will be shown beside every figure: DOL publishes the
// disclosure files by federal fiscal year (from October 1) and quarter. Decision dates and stated
// fiscal years keep the app's date rule (model/dates.ts): a decision cannot lie after today, a
// fiscal year must have begun; those that break it are named and not used.
import type { SqlEngine } from '../../engine/engine';
import { HAPPENED, fiscalYearProblem } from '../../../model/dates';
import type { IsoDate } from '../../../model/types';
import type { LineNumbers } from '../csv-lines';
import { firstRowsAt } from '../csv-stage';
import { breaksDateRule, dateRuleMessage, isoText } from '../date-rule';

export interface LcaPeriod {
  /** "FY2025 Q2" */
  label: string;
  /** Where the label comes from. */
  basis: string;
  /** The fiscal years it covers; empty when the period is not known. */
  fiscalYears: number[];
  /** Dates and years that break the date rule, named (they were not used). */
  problems: string[];
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

export async function lcaPeriod(
  db: SqlEngine,
  kept: string,
  fileName: string,
  rule: { today: IsoDate; lines?: LineNumbers },
): Promise<LcaPeriod> {
  const problems: string[] = [];
  const stated = await db.query<{ year: string; quarter: string; line: number }>(
    `SELECT year_raw AS year, quarter_raw AS quarter, min(line)::INTEGER AS line FROM ${kept}
     WHERE regexp_matches(year_raw, '^\\d{4}$') AND regexp_matches(quarter_raw, '^Q?[1-4]$') GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const lines = (await rule.lines?.ofRecords(stated.map((s) => s.line))) ?? new Map<number, number>();
  const usable = stated.filter((s) => {
    const problem = fiscalYearProblem(Number(s.year), rule.today);
    if (problem) problems.push(`column "Year": line ${lines.get(s.line) ?? s.line}: ${problem}; that year is not used for the period`);
    return !problem;
  });
  if (usable.length) {
    const label = usable.map((s) => `FY${s.year} Q${s.quarter.replace('Q', '')}`).join(', ');
    return { label, basis: 'the file’s Year and Quarter columns', fiscalYears: [...new Set(usable.map((s) => Number(s.year)))], problems };
  }
  const against = breaksDateRule(DATE, HAPPENED, rule.today);
  const [bad] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${kept} WHERE ${against}`);
  if (bad.n) {
    const first = await firstRowsAt<{ line: number; date: string }>(
      db,
      `SELECT line::INTEGER AS line, ${isoText(DATE)} AS date FROM ${kept} WHERE ${against} ORDER BY line LIMIT 3`,
      rule.lines,
    );
    problems.push(dateRuleMessage('DECISION_DATE', bad.n, first, HAPPENED, rule.today, 'are not used for the period'));
  }
  const [d] = await db.query<{ first: Date | null; last: Date | null }>(
    `SELECT min(${DATE}) AS first, max(${DATE}) AS last FROM ${kept} WHERE NOT coalesce(${against}, false)`,
  );
  if (d.last && d.first) {
    const { fy, quarter } = fiscalQuarter(d.last);
    const day = (x: Date) => x.toISOString().slice(0, 10);
    return { label: `FY${fy} Q${quarter}`, basis: `decision dates ${day(d.first)} to ${day(d.last)}`, fiscalYears: [fy], problems };
  }
  const named = /FY\s*_?(\d{4})[\s_-]*Q([1-4])/i.exec(fileName);
  if (named && !fiscalYearProblem(Number(named[1]), rule.today))
    return { label: `FY${named[1]} Q${named[2]}`, basis: 'the file name', fiscalYears: [Number(named[1])], problems };
  return {
    label: 'period not stated in the file',
    basis: 'no Year/Quarter or DECISION_DATE column, and no FY…Q… in the file name',
    fiscalYears: [],
    problems,
  };
}
