// The app's one date rule (model/dates.ts) applied to a file's date columns inside DuckDB: the
// column is checked in SQL against the rule's range, and the dates outside it are named with
// dateProblem's words, as the pipeline importer and the workspace file name them.
import { dateProblem, dateRange, type DateRule } from '../../model/dates';
import type { IsoDate } from '../../model/types';
import { sqlString } from '../engine/sql';

/** Today as the rule reads it, from a load's clock. */
export const todayOf = (now: Date): IsoDate => now.toISOString().slice(0, 10);

/** SQL: the DATE `expr` breaks the rule (NULL stays NULL: an empty or unreadable date is not checked here). */
export function breaksDateRule(expr: string, rule: DateRule, today: IsoDate): string {
  const { earliest, latest } = dateRange(rule, today);
  return `(${expr} < DATE ${sqlString(earliest)} OR ${expr} > DATE ${sqlString(latest)})`;
}

/** SQL: a DATE as YYYY-MM-DD text, years before 1000 with their zeros ("0099-01-01", not "99-01-01"). */
export const isoText = (expr: string): string => `CAST(${expr} AS VARCHAR)`;

/**
 * `column "HPSA Designation Date": 2 date(s) break the date rule and <consequence> — line 7:
 * 2099-01-01 is after today (2026-12-07): give the date it happened; …` (the first three).
 */
export function dateRuleMessage(
  column: string,
  count: number,
  first: readonly { line: number; date: string }[],
  rule: DateRule,
  today: IsoDate,
  consequence: string,
): string {
  const named = first.slice(0, 3).map((d) => `line ${d.line}: ${dateProblem(d.date, rule, today) ?? d.date}`);
  return `column "${column}": ${count} date(s) break the date rule and ${consequence} — ${named.join('; ')}`;
}
