import { describe, expect, it } from 'vitest';
import { readCsvDate } from '../../src/model/calendar';
import { PIPELINE_TEMPLATE_COLUMNS, parsePipelineCsv, pipelineTemplateCsv } from '../../src/model/pipeline';

// The template's columns but site_zip (optional, read by name; sites by ZIP: test/app/zip-sites.test.ts).
const HEADER = PIPELINE_TEMPLATE_COLUMNS.filter((c) => c !== 'site_zip').join(',');
const ROW = 'C1,physician,psychiatry,offer,2026-11-02,j1-conrad30,NM,35001,2027-07-01,India,English;Hindi,female,yes,applied,';

/** A CSV of the template header and the given rows, one per line. */
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

describe('pipeline template', () => {
  it('has the documented header and two example rows that import cleanly', () => {
    const template = pipelineTemplateCsv();
    expect(template.startsWith('\uFEFF')).toBe(true);
    expect(template.split('\r\n')[0]).toBe(`\uFEFF${PIPELINE_TEMPLATE_COLUMNS.join(',')}`);
    const result = parsePipelineCsv(template, 'template.csv');
    expect(result.errors).toEqual([]);
    expect(result.candidates.map((c) => [c.id, c.profession, c.specialty, c.siteCountyFips])).toEqual([
      ['C-0001', 'physician', 'psychiatry', '35001'],
      ['L-0001', 'mls', 'medical laboratory scientist', '06037'],
    ]);
  });
});

describe('parsePipelineCsv: good rows', () => {
  it('reads every column into a candidate', () => {
    const result = parsePipelineCsv(csv(ROW), 'p.csv');
    expect(result).toMatchObject({ errors: [], missingColumns: [], rowsRead: 1, rejectedRows: 0, errorCount: 0 });
    expect(result.candidates).toEqual([
      {
        id: 'C1',
        profession: 'physician',
        specialty: 'psychiatry',
        stage: 'offer',
        stageDate: '2026-11-02',
        visaRoute: 'j1-conrad30',
        siteState: 'NM',
        siteCountyFips: '35001',
        expectedStart: '2027-07-01',
        countryOfTraining: 'India',
        languages: ['English', 'Hindi'],
        gender: 'female',
        ecfmgCertified: true,
        licenceStatus: 'applied',
        ascpi: null,
        // Columns the file leaves out read as blank: nothing on the visa started, no dates, not recorded.
        visaStatus: 'not-started',
        visaStatusDate: '',
        availableFrom: '',
        currentStatus: '',
        trainingStatus: '',
        bachelorsDegree: null,
        visaScreen: null,
        h1bYearsUsed: null,
      },
    ]);
  });

  it('accepts friendly spellings case-insensitively', () => {
    const rows = [
      'A,Physician,Family Medicine,Offer Accepted,2026-01-05,H-1B cap-exempt,ca,6037,,USA,,,No,,',
      'B,doctor,OB-GYN,interviewing,2026-01-05,J-1 Conrad 30,California,,,,,,,,',
      'C,MLS,,Licensing,2026-01-05,green card,TX,,,,,,,,Y',
      'D,Medical Technologist,lab,started,2026-01-05,US citizen,PR,,,,,,,,n/a',
      'E,lab scientist,Cytotechnology,withdrew,2026-01-05,TN visa,NY,,,,,,,,',
    ];
    const result = parsePipelineCsv(csv(...rows), 'p.csv');
    expect(result.errors).toEqual([]);
    expect(result.candidates.map((c) => [c.profession, c.specialty, c.stage, c.visaRoute, c.siteState])).toEqual([
      ['physician', 'family medicine', 'accepted', 'h1b-cap-exempt', 'CA'],
      ['physician', 'ob/gyn', 'interview', 'j1-conrad30', 'CA'],
      ['mls', 'medical laboratory scientist', 'licensure', 'us-authorized', 'TX'],
      ['mls', 'medical laboratory scientist', 'arrived', 'us-authorized', 'PR'],
      ['mls', 'cytotechnologist', 'withdrawn', 'tn', 'NY'],
    ]);
    expect(result.candidates[0].siteCountyFips).toBe('06037');
    expect(result.candidates[0].ecfmgCertified).toBe(false);
    expect(result.candidates[2].ascpi).toBe(true);
    expect(result.candidates[3].ascpi).toBe(null);
  });

  it('normalises header spelling and ignores extra columns', () => {
    const header = ' Candidate ID,profession,specialty,Stage,stage-date,VISA_ROUTE,site state,notes,license_status';
    const result = parsePipelineCsv(`${header}\nC1,physician,psychiatry,offer,2026-11-02,o1,NM,call Tuesday,granted`, 'p.csv');
    expect(result.errors).toEqual([]);
    expect(result.candidates[0]).toMatchObject({ id: 'C1', visaRoute: 'o1', licenceStatus: 'licensed', siteCountyFips: '', languages: [] });
  });

  it('splits languages on semicolons (and commas), trimming and dropping repeats', () => {
    const row = ROW.replace('English;Hindi', '"English; Hindi ,english;;Telugu"');
    expect(parsePipelineCsv(csv(row), 'p.csv').candidates[0].languages).toEqual(['English', 'Hindi', 'Telugu']);
  });

  it('handles a BOM, LF-only files, blank lines and rows of empty cells', () => {
    const text = `\uFEFF${HEADER}\n\n${ROW}\n,,,,,,,,,,,,,,\n   \n${ROW.replace('C1', 'C2')}\n`;
    const result = parsePipelineCsv(text, 'p.csv');
    expect(result.errors).toEqual([]);
    expect(result.candidates.map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(result.rowsRead).toBe(2);
  });

  it('accepts a header with trailing empty columns, as spreadsheets export it', () => {
    const result = parsePipelineCsv(`${HEADER},,\r\n${ROW},,`, 'p.csv');
    expect(result.errors).toEqual([]);
    expect(result.candidates).toHaveLength(1);
  });
});

describe('licence status and H-1B years', () => {
  const withColumns = (licence: string, years: string) => {
    const cells = Object.fromEntries(PIPELINE_TEMPLATE_COLUMNS.map((column) => [column, ''])) as Record<string, string>;
    Object.assign(cells, {
      candidate_id: 'C1',
      profession: 'physician',
      specialty: 'internal medicine',
      stage: 'offer',
      stage_date: '2026-11-02',
      visa_route: 'h1b-transfer',
      site_state: 'TX',
      current_status: 'h1b',
      licence_status: licence,
      h1b_years_used: years,
    });
    return [PIPELINE_TEMPLATE_COLUMNS.join(','), PIPELINE_TEMPLATE_COLUMNS.map((column) => cells[column]).join(',')].join('\r\n');
  };

  it('reads the licence status as a code from the spellings people type', () => {
    const read = (text: string) => parsePipelineCsv(withColumns(text, ''), 'p.csv').candidates[0].licenceStatus;
    expect(['application submitted', 'In review', 'pending', 'applied'].map(read)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(['Granted', 'licensed', 'Active'].map(read)).toEqual(['licensed', 'licensed', 'licensed']);
    expect(['none', 'not applied', 'Not-Applied'].map(read)).toEqual(['not-applied', 'not-applied', 'not-applied']);
    expect(read('')).toBe('');
  });

  it('keeps a licence status it cannot read, as written, and says it is read as not recorded', () => {
    const result = parsePipelineCsv(withColumns('board meets in March', ''), 'p.csv');
    expect(result.candidates[0].licenceStatus).toBe('board meets in March');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'licence_status',
        value: 'board meets in March',
        message: expect.stringMatching(/not recorded/),
      }),
    ]);
  });

  it('reads the years used in H-1B status, and refuses what is not a number of years', () => {
    expect(parsePipelineCsv(withColumns('', '3'), 'p.csv').candidates[0].h1bYearsUsed).toBe(3);
    expect(parsePipelineCsv(withColumns('', '2.5'), 'p.csv').candidates[0].h1bYearsUsed).toBe(2.5);
    expect(parsePipelineCsv(withColumns('', ''), 'p.csv').candidates[0].h1bYearsUsed).toBeNull();
    for (const bad of ['three', '-1', '25']) {
      const result = parsePipelineCsv(withColumns('', bad), 'p.csv');
      expect(result.candidates).toEqual([]);
      expect(result.errors[0]).toMatchObject({ line: 2, column: 'h1b_years_used', value: bad });
    }
  });
});

describe('dates', () => {
  it('reads ISO and US month-first dates, checking the calendar', () => {
    expect(readCsvDate('2027-03-04', { dayFirstInFile: false })).toEqual({ ok: true, date: '2027-03-04' });
    expect(readCsvDate('3/4/2027', { dayFirstInFile: false })).toEqual({ ok: true, date: '2027-03-04' });
    expect(readCsvDate('12/31/2027', { dayFirstInFile: false })).toEqual({ ok: true, date: '2027-12-31' });
    expect(readCsvDate('02/29/2027', { dayFirstInFile: false })).toEqual({ ok: false, message: '"02/29/2027" is not a calendar date' });
  });

  it('refuses day-first, two-digit years and other formats', () => {
    for (const text of ['25/03/2027', '3/4/27', 'March 4, 2027', '2027.03.04', '45000']) {
      expect(readCsvDate(text, { dayFirstInFile: false }).ok).toBe(false);
    }
    expect(readCsvDate('25/03/2027', { dayFirstInFile: false })).toMatchObject({ message: expect.stringMatching(/day\/month\/year/) });
  });

  it('refuses ambiguous slashed dates when the file also has day-first ones', () => {
    expect(readCsvDate('03/04/2027', { dayFirstInFile: true }).ok).toBe(false);
    expect(readCsvDate('04/04/2027', { dayFirstInFile: true })).toEqual({ ok: true, date: '2027-04-04' });
    expect(readCsvDate('03/25/2027', { dayFirstInFile: true })).toEqual({ ok: true, date: '2027-03-25' });
  });
});
