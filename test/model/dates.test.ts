// The one date rule (src/model/dates.ts) and its use by the pipeline importer and the workspace file.
import { describe, expect, it } from 'vitest';
import { addYears, dayOf, formatIsoDate, monthStartAfter, parseIsoDate } from '../../src/model/calendar';
import { EARLIEST_YEAR, HAPPENED, PLANNED, dateProblem } from '../../src/model/dates';
import { PIPELINE_TEMPLATE_COLUMNS, parsePipelineCsv } from '../../src/model/pipeline';
import { emptyWorkspace, parseWorkspaceFile, serializeWorkspace } from '../../src/model/workspace';
import { makeCandidate } from '../helpers/candidate';

const TODAY = '2026-11-23';

describe('day numbers of years before 100 (Date.UTC reads 0–99 as 1900–1999)', () => {
  it('keeps the year as written', () => {
    // Counted by hand: 0001-01-15 is the 15th day of year 1, not of 1901.
    expect(formatIsoDate(dayOf(1, 1, 15))).toBe('0001-01-15');
    expect(formatIsoDate(parseIsoDate('0099-12-31')!)).toBe('0099-12-31');
    expect(formatIsoDate(monthStartAfter(parseIsoDate('0050-11-20')!, 2))).toBe('0051-01-01');
    // Year 1 is 1969 years before 1970: 1969 × 365 days plus 477 leap days (492 − 19 + 4) = 719,162 days.
    expect(dayOf(1, 1, 1)).toBe(-719_162);
    expect(formatIsoDate(addYears(dayOf(4, 2, 29), 1))).toBe('0005-02-28');
  });
});

describe('dateProblem', () => {
  it('refuses years before 1900 and after 2100, in one wording', () => {
    expect(dateProblem('0001-01-01', PLANNED)).toBe(`0001-01-01 is before ${EARLIEST_YEAR}: check the year`);
    expect(dateProblem('1899-12-31', HAPPENED, TODAY)).toBe('1899-12-31 is before 1900: check the year');
    expect(dateProblem('1900-01-01', HAPPENED, TODAY)).toBeUndefined();
    expect(dateProblem('2101-01-01', PLANNED)).toBe('2101-01-01 is after 2100: check the year');
  });

  it('refuses a step that happened after today, and a plan more than 20 years ahead', () => {
    expect(dateProblem('2026-11-24', HAPPENED, TODAY)).toBe('2026-11-24 is after today (2026-11-23): give the date it happened');
    expect(dateProblem(TODAY, HAPPENED, TODAY)).toBeUndefined();
    expect(dateProblem('2046-11-23', PLANNED, TODAY)).toBeUndefined();
    expect(dateProblem('2046-11-24', PLANNED, TODAY)).toMatch(/^2046-11-24 is more than 20 years after today \(2026-11-23\)/);
    expect(dateProblem('2026-11-24', HAPPENED)).toBeUndefined(); // no today known: only the years
  });
});

const HEADER = PIPELINE_TEMPLATE_COLUMNS.join(',');
/** A J-1 Conrad candidate with a waiver filed; the dates are the test's. */
function pipelineRow(dates: { stage: string; visaStatus?: string; expectedStart?: string; availableFrom?: string }): string {
  const cells: Record<string, string> = {
    candidate_id: 'C1',
    profession: 'physician',
    specialty: 'psychiatry',
    stage: 'visa',
    stage_date: dates.stage,
    visa_route: 'j1-conrad30',
    site_state: 'NM',
    site_county_fips: '35001',
    expected_start: dates.expectedStart ?? '',
    visa_status: 'waiver-filed',
    visa_status_date: dates.visaStatus ?? '2026-10-01',
    available_from: dates.availableFrom ?? '',
    current_status: 'j1',
  };
  return PIPELINE_TEMPLATE_COLUMNS.map((column) => cells[column] ?? '').join(',');
}
const importRow = (row: string, today: string | undefined = TODAY) =>
  parsePipelineCsv(`${HEADER}\n${row}`, 'p.csv', today ? { today } : {});

describe('pipeline importer: the date rule on every date column', () => {
  it('imports a row whose dates keep the rule', () => {
    expect(importRow(pipelineRow({ stage: '2026-10-01', expectedStart: '2027-07-01' })).candidates).toHaveLength(1);
  });

  it('refuses a stage reached in 2099 or in year 1, as it refuses a visa status in 2099, in the same words', () => {
    const messages = (row: string) => importRow(row).errors.map((e) => `${e.column}: ${e.message}`);
    expect(messages(pipelineRow({ stage: '2099-01-01' }))).toEqual([
      'stage_date: 2099-01-01 is after today (2026-11-23): give the date it happened',
    ]);
    expect(messages(pipelineRow({ stage: '2026-10-01', visaStatus: '2099-01-01' }))).toEqual([
      'visa_status_date: 2099-01-01 is after today (2026-11-23): give the date it happened',
    ]);
    expect(messages(pipelineRow({ stage: '0001-01-01' }))).toEqual(['stage_date: 0001-01-01 is before 1900: check the year']);
    expect(messages(pipelineRow({ stage: '01/15/0001' }))).toEqual(['stage_date: 0001-01-15 is before 1900: check the year']);
  });

  it('refuses implausible planned dates but keeps past availability', () => {
    expect(importRow(pipelineRow({ stage: '2026-10-01', expectedStart: '2099-07-01' })).errors[0]).toMatchObject({
      column: 'expected_start',
      message: '2099-07-01 is more than 20 years after today (2026-11-23): check the year',
    });
    expect(importRow(pipelineRow({ stage: '2026-10-01', availableFrom: '1850-06-30' })).errors[0]).toMatchObject({
      column: 'available_from',
      message: '1850-06-30 is before 1900: check the year',
    });
    expect(importRow(pipelineRow({ stage: '2026-10-01', availableFrom: '2025-06-30' })).errors).toEqual([]);
  });
});

describe('workspace file: the same rule', () => {
  const file = (stageDate: string) =>
    serializeWorkspace({ ...emptyWorkspace(new Date('2026-11-23T10:00:00Z')), candidates: [makeCandidate({ stageDate })] });

  it('refuses a file whose candidate reached a stage in year 1 or after today', () => {
    expect(parseWorkspaceFile(file('0001-01-01'), { dates: { today: TODAY } })).toEqual({
      ok: false,
      errors: ['candidates[0].stageDate: 0001-01-01 is before 1900: check the year'],
    });
    expect(parseWorkspaceFile(file('2099-01-01'), { dates: { today: TODAY } })).toEqual({
      ok: false,
      errors: ['candidates[0].stageDate: 2099-01-01 is after today (2026-11-23): give the date it happened'],
    });
    expect(parseWorkspaceFile(file('2026-11-02'), { dates: { today: TODAY } }).ok).toBe(true);
  });

  it('still reads a workspace saved in this browser before the rule existed, so nobody loses it', () => {
    expect(parseWorkspaceFile(file('2099-01-01')).ok).toBe(true);
  });
});
