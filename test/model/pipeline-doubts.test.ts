// Combinations the rules make unlikely are flagged at import and kept: a physician with no US
// residency on a route barred to ECFMG's J-1 residents (INA §212(e), S16) or licensed without one
// (S31), a US residency recorded without ECFMG certification (S28).
import { describe, expect, it } from 'vitest';
import { parsePipelineCsv } from '../../src/model/pipeline';

const HEADER =
  'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,country_of_training,ecfmg_certified,licence_status,training_status,current_status';
const read = (...rows: string[]) => parsePipelineCsv([HEADER, ...rows].join('\n'), 'doubts.csv', { today: '2026-12-07' });

describe('doubtful training, flagged at import', () => {
  it('flags a physician trained abroad with no US residency on an H-1B or green-card route, and keeps the row', () => {
    const r = read(
      'A,physician,psychiatry,offer,2026-11-02,h1b-cap-subject,TX,India,yes,,needs-residency,abroad',
      'B,physician,psychiatry,offer,2026-11-02,eb3-perm,TX,India,yes,,needs-residency,abroad',
      // Already able to work in the US: the residency is the only question, no doubt about the route.
      'C,physician,psychiatry,offer,2026-11-02,us-authorized,TX,India,yes,,needs-residency,',
    );
    expect(r.candidates.map((c) => c.id)).toEqual(['A', 'B', 'C']);
    expect(r.warnings.map((w) => [w.line, w.column])).toEqual([
      [2, 'training_status'],
      [3, 'training_status'],
    ]);
    expect(r.warnings[0].message).toMatch(/H-1B, cap-subject \(lottery\).*US residency.*J-1/);
  });

  it('flags a licence without a US residency, and a US residency without ECFMG certification', () => {
    const r = read(
      'D,physician,psychiatry,offer,2026-11-02,us-authorized,TN,Egypt,yes,licensed,needs-residency,',
      'E,physician,psychiatry,offer,2026-11-02,j1-conrad30,NM,Egypt,no,,in-training,j1',
      'F,physician,psychiatry,offer,2026-11-02,us-authorized,NM,United States,no,,completed,',
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.line, w.column])).toEqual([
      [2, 'licence_status'],
      [3, 'available_from'], // a resident without the end of training: the importer's older rule
      [3, 'ecfmg_certified'],
    ]);
  });
});

describe('a blank training_status is read as completed, so it is checked like one', () => {
  it('warns (file, line, column) when an IMG without ECFMG certification has it blank, and keeps the row', () => {
    // country_of_training, ecfmg_certified, training_status: the rule (S28) is that a US residency
    // needs ECFMG certification first, so only an IMG with "no" and a blank (read: completed) is in doubt.
    const cases: [string, string, string][] = [
      ['India', 'no', ''],
      ['India', 'yes', ''],
      ['United States', 'no', ''],
      ['Egypt', '', ''],
      ['Philippines', 'no', ''],
    ];
    const rows = cases.map(
      ([country, ecfmg, training], i) => `G${i},physician,psychiatry,offer,2026-11-02,us-authorized,NM,${country},${ecfmg},,${training},`,
    );
    const r = read(...rows);
    const expectedLines = cases.flatMap(([country, ecfmg], i) => (country !== 'United States' && ecfmg === 'no' ? [i + 2] : []));
    expect(expectedLines).toEqual([2, 6]);
    expect(r.errors).toEqual([]);
    expect(r.candidates).toHaveLength(cases.length);
    expect(r.warnings.map((w) => [w.line, w.column])).toEqual(expectedLines.map((line) => [line, 'training_status']));
    for (const w of r.warnings) expect(w.message).toMatch(/left blank.*read as completed.*ecfmg_certified is no.*check it/);
  });
});
