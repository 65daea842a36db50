// One candidate typed in the form is read as the importer reads a CSV row: the same candidate from
// the same cells, the same messages for the same mistakes (checked against parsePipelineCsv on
// generated rows), and every saved candidate written back to the form reads as itself.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PIPELINE_TEMPLATE_COLUMNS, candidateRow, parsePipelineCsv, pipelineTemplateCsv, readCandidateRow } from '../../src/model/pipeline';
import type { PipelineColumn } from '../../src/model/pipeline';

const TODAY = '2026-12-07';
const SAMPLE = path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv');
const template = Papa.parse<string[]>(pipelineTemplateCsv().replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const [header, ...examples] = template;

// Cells people type, good and bad, per column: the importer decides which are which.
const TYPED: Partial<Record<PipelineColumn, string[]>> = {
  candidate_id: ['C-9', '', 'x'.repeat(201)],
  profession: ['physician', 'mls', 'doctor', 'nurse', ''],
  specialty: ['psychiatry', 'family practice', 'medical laboratory scientist', 'astrology', ''],
  stage: ['offer', 'Offer accepted', 'daydreaming', '', 'visa'],
  stage_date: ['2026-11-02', '11/02/2026', '2026-13-45', '2099-01-01', ''],
  visa_route: ['j1-conrad30', 'h1b-cap-subject', 'Conrad 30', 'tn', 'teleport', 'us-authorized'],
  site_state: ['NM', 'California', 'ZZ', ''],
  site_county_fips: ['35001', '6037', '99999', '06037', ''],
  visa_status: ['not-started', 'selected', 'approved', 'waiver-filed', 'lost', ''],
  visa_status_date: ['2026-11-02', '', '2030-01-01'],
  available_from: ['2027-06-30', '', '2060-01-01'],
  current_status: ['j1', 'abroad', 'h1b-waiver-service', 'martian', ''],
  training_status: ['in-training', 'completed', 'needs-residency', 'resting', ''],
  ecfmg_certified: ['yes', 'no', 'maybe', ''],
  licence_status: ['applied', 'licensed', 'pending', 'somewhere', ''],
  h1b_years_used: ['2', '6', '-1', 'lots', ''],
  bachelors_degree: ['yes', 'no', ''],
};

const rowArbitrary = fc
  .tuple(
    fc.constantFrom(...examples),
    fc.record(Object.fromEntries(Object.entries(TYPED).map(([column, values]) => [column, fc.option(fc.constantFrom(...values))]))),
  )
  .map(([example, changes]) => {
    const row = Object.fromEntries(header.map((column, i) => [column, example[i]])) as Record<PipelineColumn, string>;
    for (const [column, value] of Object.entries(changes)) if (value !== null) row[column as PipelineColumn] = value;
    return row;
  });

describe('a candidate typed in the form', () => {
  it('is read exactly as the importer reads the same cells in a CSV row: same candidate, same messages', () => {
    fc.assert(
      fc.property(rowArbitrary, (row) => {
        const csv = Papa.unparse([PIPELINE_TEMPLATE_COLUMNS, PIPELINE_TEMPLATE_COLUMNS.map((c) => row[c])]);
        const imported = parsePipelineCsv(csv, 'one.csv', { today: TODAY });
        const typed = readCandidateRow(row, { today: TODAY });
        const strip = (list: { column: string; value: string; message: string }[]) =>
          list.map(({ column, value, message }) => ({ column, value, message }));
        expect(strip(typed.errors)).toEqual(strip(imported.errors));
        expect(strip(typed.warnings)).toEqual(strip(imported.warnings));
        expect(typed.candidate).toEqual(imported.candidates[0]);
      }),
      { numRuns: 400 },
    );
  });

  it('starts from a saved candidate’s own values: every sample and template candidate reads back as itself', () => {
    const sample = parsePipelineCsv(fs.readFileSync(SAMPLE, 'utf8'), 'sample.csv', { today: TODAY }).candidates;
    const fromTemplate = parsePipelineCsv(pipelineTemplateCsv(), 'template.csv', { today: TODAY }).candidates;
    const all = [...sample, ...fromTemplate];
    expect(all).toHaveLength(82);
    for (const c of all) {
      const back = readCandidateRow(candidateRow(c), { today: TODAY });
      expect(back.errors, c.id).toEqual([]);
      expect(back.candidate, c.id).toEqual({ ...c, h1bYearsUsed: c.h1bYearsUsed ?? null });
    }
  });
});
