// Dates in an order the pipeline cannot have are flagged at import, both dates named, and the row
// kept: an arrival before a visa step, a start before the offer, an H-1B lottery registration or
// selection in a month when no lottery registers or selects (domain notes §1: registration in March,
// selections announced by March 31 and filed April 1–June 30, later rounds after that window, none
// for FY 2026).
import { describe, expect, it } from 'vitest';
import { mergeCandidates, readPipelineImport } from '../../src/app/pipeline/import-candidates';
import { parsePipelineCsv } from '../../src/model/pipeline';

const HEADER =
  'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,expected_start,country_of_training,ecfmg_certified,training_status,visa_status,visa_status_date';
const TODAY = '2026-12-07';
const read = (rows: string[]) => parsePipelineCsv([HEADER, ...rows].join('\n'), 'dates.csv', { today: TODAY });
const row = (id: string, stage: string, stageDate: string, route: string, start: string, status: string, statusDate: string) =>
  `${id},physician,psychiatry,${stage},${stageDate},${route},TX,${start},India,yes,completed,${status},${statusDate}`;

describe('impossible date orders, flagged and kept', () => {
  it('an arrival before the visa step it waits for, named with both dates', () => {
    const cases = [
      { stageDate: '2026-05-01', status: 'petition-filed', statusDate: '2026-09-01' },
      { stageDate: '2026-10-01', status: 'approved', statusDate: '2026-09-01' },
      { stageDate: '2026-09-01', status: 'approved', statusDate: '2026-09-01' },
      { stageDate: '2026-03-02', status: 'approved', statusDate: '2026-03-20' },
    ];
    const r = read(cases.map((c, i) => row(`A${i}`, 'arrived', c.stageDate, 'h1b-cap-exempt', '', c.status, c.statusDate)));
    const expected = cases.flatMap((c, i) => (c.stageDate < c.statusDate ? [{ line: i + 2, ...c }] : []));
    expect(expected).toHaveLength(2);
    expect(r.errors).toEqual([]);
    expect(r.candidates).toHaveLength(cases.length);
    expect(r.warnings.map((w) => [w.line, w.column, w.value])).toEqual(expected.map((c) => [c.line, 'stage_date', c.stageDate]));
    r.warnings.forEach((w, i) => {
      expect(w.message).toContain(expected[i].stageDate);
      expect(w.message).toContain(expected[i].statusDate);
      expect(w.message).toContain(expected[i].status);
    });
  });

  it('an expected start before the offer, named with both dates', () => {
    const cases = [
      { offer: '2026-11-02', start: '2026-10-01' },
      { offer: '2026-11-02', start: '2027-07-01' },
      { offer: '2026-11-02', start: '2026-11-02' },
    ];
    const r = read(cases.map((c, i) => row(`B${i}`, 'offer', c.offer, 'us-authorized', c.start, 'not-started', '')));
    const expected = cases.flatMap((c, i) => (c.start < c.offer ? [{ line: i + 2, ...c }] : []));
    expect(expected).toHaveLength(1);
    expect(r.candidates).toHaveLength(cases.length);
    expect(r.warnings.map((w) => [w.line, w.column, w.value])).toEqual(expected.map((c) => [c.line, 'expected_start', c.start]));
    expect(r.warnings[0].message).toContain(expected[0].offer);
    expect(r.warnings[0].message).toContain(expected[0].start);
  });

  it('an H-1B registration or selection only where a lottery registers or selects, every month of 2024–2026', () => {
    // The calendar as the domain notes give it, written here from them (not from the app's code).
    const registers = (_year: number, month: number) => month === 3;
    const selects = (year: number, month: number) => month === 3 || (month >= 7 && year !== 2025);
    const cases: { status: 'registered' | 'selected'; date: string; possible: boolean }[] = [];
    for (const year of [2024, 2025, 2026])
      for (let month = 1; month <= 12; month += 1) {
        const date = `${year}-${String(month).padStart(2, '0')}-15`;
        if (date > TODAY) continue;
        cases.push({ status: 'registered', date, possible: registers(year, month) });
        cases.push({ status: 'selected', date, possible: selects(year, month) });
      }
    const r = read(cases.map((c, i) => row(`C${i}`, 'accepted', '2026-11-02', 'h1b-cap-subject', '', c.status, c.date)));
    const expected = cases.flatMap((c, i) => (c.possible ? [] : [{ line: i + 2, ...c }]));
    expect(r.errors).toEqual([]);
    expect(r.candidates).toHaveLength(cases.length);
    expect(r.warnings.map((w) => [w.line, w.column, w.value])).toEqual(expected.map((c) => [c.line, 'visa_status_date', c.date]));
    // The brief's example: selected on 2025-12-01 — FY 2026 had no second round.
    const december = read([row('D', 'accepted', '2026-11-02', 'h1b-cap-subject', '', 'selected', '2025-12-01')]);
    expect(december.warnings.map((w) => [w.line, w.column])).toEqual([[2, 'visa_status_date']]);
    expect(december.warnings[0].message).toMatch(/selected on 2025-12-01.*December 2025.*check the date/);
  });

  it('the import message names the file, and the line and column of each warning; nothing saved is lost', () => {
    const text = [HEADER, row('E', 'arrived', '2026-05-01', 'h1b-cap-exempt', '', 'petition-filed', '2026-09-01')].join('\n');
    const { imported, message } = readPipelineImport(text, 'dates.csv', undefined, TODAY);
    expect(imported?.map((c) => c.id)).toEqual(['E']);
    expect(message.text).toContain('dates.csv');
    expect(message.text).toContain('1 loaded row(s) to check');
    expect(message.warnings).toMatchObject([{ line: 2, column: 'stage_date', value: '2026-05-01' }]);
    const saved = read([row('S', 'offer', '2026-11-02', 'us-authorized', '', 'not-started', '')]).candidates;
    expect(mergeCandidates(saved, imported!).map((c) => c.id)).toEqual(['S', 'E']);
  });
});
