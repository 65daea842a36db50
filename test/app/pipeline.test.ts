import { describe, expect, it } from 'vitest';
import { ACTION_COLUMNS, actionCells, mergeCandidates, readPipelineImport } from '../../src/app/pipeline/import-candidates';
import { PIPELINE_TEMPLATE_COLUMNS } from '../../src/model/pipeline';
import { makeCandidate } from '../helpers/candidate';
import { registrationWindowNote } from '../../src/app/pipeline/assumption-rows';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';

// The template's columns but site_zip (optional, read by name; sites by ZIP: zip-sites.test.ts).
const header = PIPELINE_TEMPLATE_COLUMNS.filter((c) => c !== 'site_zip').join(',');
const row = (id: string, stage: string) =>
  `${id},physician,internal medicine,${stage},2026-11-01,h1b-cap-exempt,CA,06019,,India,English,female,yes,applied,`;

describe('importing candidates', () => {
  it('replaces saved candidates with the same id and keeps the others, in order', () => {
    const saved = [makeCandidate({ id: 'a', stage: 'offer' }), makeCandidate({ id: 'b' })];
    const merged = mergeCandidates(saved, [makeCandidate({ id: 'a', stage: 'visa' }), makeCandidate({ id: 'c' })]);
    expect(merged.map((c) => [c.id, c.stage])).toEqual([
      ['a', 'visa'],
      ['b', 'accepted'],
      ['c', 'accepted'],
    ]);
  });

  it('counts the imported rows and the problems, naming the file', () => {
    const { imported, message } = readPipelineImport([header, row('P-1', 'offer'), row('P-2', 'daydreaming')].join('\n'), 'mine.csv');
    expect(imported?.map((c) => c.id)).toEqual(['P-1']);
    expect(message.ok).toBe(false);
    expect(message.text).toBe('Imported 1 candidate(s) from mine.csv; 1 problem(s) below — those rows were not imported.');
    expect(message.errors).toHaveLength(1);
    expect(message.errors[0]).toMatchObject({ line: 3, column: 'stage', value: 'daydreaming' });
  });

  it('keeps rows with something to check against the rules, and says how many', () => {
    const resident = `R-1,physician,psychiatry,offer,2026-11-01,j1-conrad30,CA,06019,,India,English,female,yes,,,,,,j1,in-training`;
    const { imported, message } = readPipelineImport([header, resident].join('\n'), 'mine.csv', undefined, '2026-11-23');
    expect(imported).toHaveLength(1);
    expect(message.text).toBe('Imported 1 candidate(s) from mine.csv; 1 loaded row(s) to check against the rules.');
    expect(message.warnings[0]).toMatchObject({ line: 2, column: 'available_from' });
  });

  it('names the columns it does not read, says how slash dates were read, and says when a file has no rows', () => {
    const slashed = (id: string, date: string) => row(id, 'offer').replace('2026-11-01', date);
    const extra = `Favourite colour,${header}`;
    const one = readPipelineImport([extra, `"red, ""bright""",${slashed('S-1', '11/05/2026')}`].join('\n'), 'mine.csv');
    expect(one.imported?.[0].stageDate).toBe('2026-11-05');
    expect(one.message.text).toBe(
      'Imported 1 candidate(s) from mine.csv. Not read (not columns of the template): favourite_colour. Dates written with slashes were read month first (MM/DD/YYYY: 11/05/2026 is November 5).',
    );
    // A date that can only be day first is refused, and so is every one that could be either: nothing is read month first.
    const dayFirst = readPipelineImport([header, slashed('S-1', '11/05/2026'), slashed('S-2', '25/10/2026')].join('\n'), 'uk.csv');
    expect(dayFirst.imported).toEqual([]);
    expect(dayFirst.message.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'stage_date'],
      [3, 'stage_date'],
    ]);
    expect(dayFirst.message.text).not.toMatch(/month first/);
    expect(readPipelineImport(header, 'empty.csv').message.text).toBe(
      'Imported 0 candidate(s) from empty.csv. The file has no rows under its header.',
    );
  });

  it('refuses a file without the required columns and changes nothing', () => {
    const { imported, message } = readPipelineImport('name,notes\nx,y\n', 'other.csv');
    expect(imported).toBeNull();
    expect(message.text).toMatch(/^other\.csv was not imported: it lacks the column\(s\) candidate_id/);
    expect(message.text).toMatch(/Your saved pipeline is unchanged\.$/);
  });
});

describe('the next-actions table', () => {
  it('says whether a J-1 waiver site qualifies, and leaves the column empty for other routes', () => {
    const site = { status: 'check' as const, pool: 'flex' as const, sentence: 'San Francisco County has only facility designations.' };
    const j1 = makeCandidate({ id: 'P-9', visaRoute: 'j1-conrad30', currentStatus: 'j1', siteState: 'CA', siteCountyFips: '06075' });
    const cells = actionCells(j1, { action: 'File the Conrad 30 application', date: '2027-10-01' }, site);
    expect(cells).toHaveLength(ACTION_COLUMNS.length);
    expect(cells).toEqual([
      'P-9',
      'General internal medicine',
      'Offer accepted since 2026-11-23; visa not started',
      'J-1 waiver, Conrad 30 (state)',
      'County 06075',
      'check: San Francisco County has only facility designations.',
      'File the Conrad 30 application',
      '2027-10-01',
    ]);
    const usAuthorized = actionCells(makeCandidate({ id: 'P-8' }), { action: 'Start licensure', date: null }, undefined);
    expect(usAuthorized[5]).toBe('');
    expect(actionCells({ ...j1 }, { action: 'x', date: null }, undefined)[5]).toMatch(/^not checked/);
  });
});

describe('the H-1B registration window on the Assumptions panel', () => {
  it('is the confirmed FY2027 window before it passes, and the next one, projected, after', () => {
    expect(registrationWindowNote(DEFAULT_ASSUMPTIONS, '2026-02-01')).toBe(
      'The FY2027 registration runs 2026-03-04 to 2026-03-19 (confirmed).',
    );
    expect(registrationWindowNote(DEFAULT_ASSUMPTIONS, '2026-12-07')).toBe(
      'The window above has passed: the next (FY2028) is projected to 2027-03-04 to 2027-03-19 from its dates, until USCIS announces it.',
    );
  });
});
