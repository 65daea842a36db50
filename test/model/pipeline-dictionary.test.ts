// The pipeline template's data dictionary against the template itself and the importer: every
// column of the downloaded template is explained, every value it lists is one the importer reads,
// and every example imports.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PIPELINE_DICTIONARY, parsePipelineCsv, pipelineDictionaryCsv, pipelineTemplateCsv } from '../../src/model/pipeline';
import type { PipelineColumn } from '../../src/model/pipeline';
import { specialtiesOf } from '../../src/model/specialties';
import { lookupOf, zipPlaces } from '../../src/model/zip';
import { stateByFips } from '../../src/model/workspace';
import { fixtureRows } from '../helpers/fixtures';

const TODAY = '2026-12-07';
const template = Papa.parse<string[]>(pipelineTemplateCsv().replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const [header, physicianRow, labRow] = template;
const LAB_ROLES = new Set(specialtiesOf('mls').map((s) => s.id));

/** ZIPs read through the Census file's own rows (a committed real excerpt), as the engine's table gives them. */
const countyByZip = lookupOf(
  zipPlaces(
    fixtureRows('county/census_zcta2020_county2020.csv').map((r) => ({
      zcta: r.zcta,
      county_fips: r.county_fips,
      state: stateByFips(r.state_fips)?.code ?? '',
      county_name: r.county_name,
      land_share: Number(r.land_share),
      is_primary: r.is_primary === '1',
    })),
  ),
);

/** The template's example row for the profession, with one cell changed, read by the importer. */
function importWith(column: PipelineColumn, value: string, lab = false) {
  const row = [...(lab ? labRow : physicianRow)];
  row[header.indexOf(column)] = value;
  return parsePipelineCsv(Papa.unparse([header, row]), 'one.csv', { today: TODAY, countyByZip });
}

describe('the data dictionary', () => {
  it('explains every column of the template, in the template’s order, each with a meaning and an example', () => {
    expect(PIPELINE_DICTIONARY.map((e) => e.column)).toEqual(header);
    for (const e of PIPELINE_DICTIONARY) {
      expect(e.meaning.length, e.column).toBeGreaterThan(20);
      expect(e.values?.length || e.format?.length, e.column).toBeGreaterThan(0);
      expect(e.example, e.column).not.toBe('');
    }
  });

  it('lists only values the importer reads: none is refused as unknown', () => {
    let checked = 0;
    for (const e of PIPELINE_DICTIONARY) {
      for (const { code } of e.values ?? []) {
        // Lab roles are read for lab professionals: they go in the lab example row.
        const r = importWith(e.column, code, e.column === 'specialty' && LAB_ROLES.has(code));
        const unknown = r.errors.filter((x) => x.column === e.column && /not a known|not a planned/.test(x.message));
        expect(unknown, `${e.column}=${code}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('gives examples the importer accepts in their column', () => {
    for (const e of PIPELINE_DICTIONARY) {
      const r = importWith(e.column, e.example);
      expect(
        r.errors.filter((x) => x.column === e.column),
        `${e.column}=${e.example}`,
      ).toEqual([]);
    }
  });

  it('downloads as a CSV with a row per column and headers meant for people', () => {
    const rows = Papa.parse<string[]>(pipelineDictionaryCsv().replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Column', 'Needed', 'What it means', 'Values to write (what the app calls them)', 'Example']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(header);
    // Values come with their plain names: the stage "offer" is "Offer made", the Conrad 30 route is named.
    const stage = rows.find((r) => r[0] === 'stage')!;
    expect(stage[3]).toContain('offer (Offer made)');
    expect(rows.find((r) => r[0] === 'visa_route')![3]).toContain('j1-conrad30 (J-1 waiver, Conrad 30 (state))');
    expect(rows.find((r) => r[0] === 'training_status')![3]).toContain('needs-residency (Needs a US residency)');
  });
});
