import { describe, expect, it } from 'vitest';
import { mergeCandidates, needsWaiverCheck, pipelineActionsTable, readPipelineImport } from '../../src/app/pipeline';
import { PIPELINE_TEMPLATE_COLUMNS } from '../../src/model/pipeline';
import { makeCandidate } from '../helpers/candidate';

const header = PIPELINE_TEMPLATE_COLUMNS.join(',');
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

  it('refuses a file without the required columns and changes nothing', () => {
    const { imported, message } = readPipelineImport('name,notes\nx,y\n', 'other.csv');
    expect(imported).toBeNull();
    expect(message.text).toMatch(/^other\.csv was not imported: it lacks the column\(s\) candidate_id/);
    expect(message.text).toMatch(/Your saved pipeline is unchanged\.$/);
  });
});

describe('the next-actions table', () => {
  const shortage = new Set(['06019']);
  it('flags J-1 waiver sites outside every current HPSA, and only those', () => {
    expect(needsWaiverCheck(makeCandidate({ visaRoute: 'j1-conrad30', siteCountyFips: '06107' }), shortage)).toBe(true);
    expect(needsWaiverCheck(makeCandidate({ visaRoute: 'j1-federal-waiver', siteCountyFips: '06107' }), shortage)).toBe(true);
    expect(needsWaiverCheck(makeCandidate({ visaRoute: 'j1-conrad30', siteCountyFips: '06019' }), shortage)).toBe(false);
    expect(needsWaiverCheck(makeCandidate({ visaRoute: 'j1-conrad30', siteCountyFips: '' }), shortage)).toBe(false);
    expect(needsWaiverCheck(makeCandidate({ visaRoute: 'h1b-cap-exempt', siteCountyFips: '06107' }), shortage)).toBe(false);
  });

  it('exports one row per action with the site and whether it is in a shortage county', () => {
    const c = makeCandidate({ id: 'P-9', siteState: 'CA', siteCountyFips: '06019' });
    const table = pipelineActionsTable([{ candidate: c, next: { action: 'Start licensure', date: null } }], shortage);
    expect(table.columns).toHaveLength(table.rows[0].length);
    expect(table.rows[0]).toEqual(['P-9', 'internal medicine', 'accepted', 'us-authorized', 'CA 06019', 'Start licensure', '', 'yes']);
  });
});
