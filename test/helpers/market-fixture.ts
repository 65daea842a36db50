// The committed excerpts of the real DOL and USCIS files (test/fixtures/market, cut by
// tools/make-market-fixtures.mjs), and figures computed from them here, independently of the app:
// a plain PapaParse read and this file's own arithmetic.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/market');
export const DOL_EXCERPT = 'dol_lca_fy2025_q2_excerpt.csv';
export const H1B_2022_EXCERPT = 'uscis_h1b_datahubexport-2022_excerpt.csv';
export const H1B_2023_EXCERPT = 'uscis_h1b_datahubexport-2023_excerpt.csv';
export const H1B_FINANCE_EXCERPT = 'uscis_h1b_employer_info_finance_excerpt.csv';

export const fixtureText = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

export type Row = Record<string, string>;
/** Records, each with its line in the file in `__line` (header = line 1; these files have no multi-line fields). */
export function parseRows(text: string): Row[] {
  const { data } = Papa.parse<Row>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  return data.map((r, i) => ({ ...r, __line: String(i + 2) }));
}
export const lineOf = (r: Row): number => Number(r.__line);

// Pay periods per year: BLS's 2,080-hour full-time year, and 52 weeks.
const PER_YEAR: Record<string, number> = { Year: 1, Hour: 40 * 52, Week: 52, 'Bi-Weekly': 52 / 2, Month: 12 };
export const annualOf = (r: Row): number => Number(r.WAGE_RATE_OF_PAY_FROM) * PER_YEAR[r.WAGE_UNIT_OF_PAY];
/** The app's documented bounds: the federal minimum wage for a full-time year, and $2M. */
export const usableWage = (annual: number): boolean => annual >= 7.25 * 2080 && annual <= 2_000_000;

const socOf = (r: Row) => r.SOC_CODE.slice(0, 7);
export const isPhysician = (r: Row): boolean => /^29-12[1-4]\d/.test(r.SOC_CODE);
export const isLab = (r: Row): boolean => socOf(r) === '29-2011' || socOf(r) === '29-2012';
const isTrainee = (r: Row) => /resident|fellow|pgy|intern\b|house staff|post ?graduate|trainee/i.test(r.JOB_TITLE);
/** Medical laboratory scientists as the test reads the rule: SOC 29-2011 (.00 or no suffix), no cytology/histology title, no trainee. */
export const isMls = (r: Row): boolean =>
  (r.SOC_CODE === '29-2011.00' || r.SOC_CODE === '29-2011') && !/cytotech|cytolog|cytogen|histo/i.test(r.JOB_TITLE) && !isTrainee(r);

const LEVELS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
export const levelOf = (r: Row): number | null => LEVELS[r.PW_WAGE_LEVEL] ?? null;

/** Linear interpolation between order statistics (as DuckDB's quantile_cont). */
export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
