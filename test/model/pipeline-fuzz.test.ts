// Fuzzing the pipeline importer with the app's sample rows, mutated, and with random bytes: it never
// throws, what it accepts is a candidate the workspace file would accept too (the same date rule),
// and a refused file or row leaves every saved candidate as it was.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCandidates, readPipelineImport } from '../../src/app/pipeline/import-candidates';
import { parsePipelineCsv } from '../../src/model/pipeline';
import { readCandidate } from '../../src/model/workspace/entities';
import { Issues } from '../../src/model/workspace/issues';
import type { Candidate } from '../../src/model/types';

const TODAY = '2026-12-01';
const SAMPLE = fs.readFileSync(path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv'), 'utf8');
const [HEADER, ...ROWS] = SAMPLE.trim().split('\n');
/** What was saved before: the sample's first half, read as the app reads it. */
const SAVED: readonly Candidate[] = parsePipelineCsv([HEADER, ...ROWS.slice(0, 40)].join('\n'), 'saved.csv', { today: TODAY }).candidates;

/** Cell values that have broken importers: dates at the edges, quotes, formulas, breaks, odd digits. */
const nastyCell = fc.oneof(
  fc.constantFrom(
    '0001-01-01',
    '0099-12-31',
    '1899-12-31',
    '1900-01-01',
    '2099-01-01',
    '2101-01-01',
    '9999-12-31',
    '02/29/2027',
    '13/13/2027',
    '01/15/0001',
    '2027-02-29',
    '=HYPERLINK("http://x")',
    '"',
    '""',
    '\n',
    '\r\n',
    ',',
    ';',
    '\u0000',
    '\uFEFF',
    '١٢٣',
    'NaN',
    '-0',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 12 }),
  fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

/** A sample row with some of its cells replaced. */
const mutatedRow = fc
  .tuple(fc.integer({ min: 0, max: ROWS.length - 1 }), fc.array(fc.tuple(fc.nat(30), nastyCell), { minLength: 1, maxLength: 4 }))
  .map(([index, edits]) => {
    const cells = ROWS[index].split(',');
    for (const [at, value] of edits) cells[at % cells.length] = value;
    return cells.join(',');
  });

const mutatedFile = fc
  .tuple(fc.array(mutatedRow, { minLength: 1, maxLength: 12 }), fc.subarray(ROWS, { maxLength: 8 }))
  .map(([bad, good]) => [HEADER, ...bad, ...good].join('\n'));

const randomFile = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => new TextDecoder().decode(bytes)),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => `${HEADER}\n${new TextDecoder().decode(bytes)}`),
  fc.string({ unit: 'binary', maxLength: 500 }),
);

/** Every property the import must keep, whatever the file. */
function checkImport(text: string): void {
  const { imported, message } = readPipelineImport(text, 'fuzz.csv', undefined, TODAY);
  const after = imported ? mergeCandidates(SAVED, imported) : SAVED;
  const importedIds = new Set((imported ?? []).map((c) => c.id));
  // Nothing saved is lost or changed unless a good row of the file replaces it.
  const byId = new Map(after.map((c) => [c.id, c]));
  for (const saved of SAVED) {
    expect(byId.has(saved.id)).toBe(true);
    if (!importedIds.has(saved.id)) expect(byId.get(saved.id)).toBe(saved);
  }
  // What the importer accepts, the workspace file accepts too: the same rules, the same dates.
  for (const candidate of imported ?? []) {
    const issues = new Issues(5);
    readCandidate(candidate, 'candidate', issues, { today: TODAY });
    expect(issues.messages(), JSON.stringify(candidate)).toEqual([]);
  }
  // Every refusal names a line of the file.
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const error of message.errors) {
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lines);
  }
}

describe('pipeline importer fuzzing', () => {
  it('the saved candidates are what the sample reads as', () => {
    expect(SAVED).toHaveLength(40);
  });

  it('mutated sample rows: no crash, no change to what was saved except by a good row, no date the workspace would refuse', () => {
    fc.assert(fc.property(mutatedFile, checkImport), { numRuns: 300 });
  });

  it('random bytes: no crash, nothing saved changes', () => {
    fc.assert(fc.property(randomFile, checkImport), { numRuns: 300 });
  });

  it('a refused date never becomes another date: a row with an impossible date is not imported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ROWS.length - 1 }), fc.integer({ min: 0, max: 1899 }), (index, year) => {
        const cells = ROWS[index].split(',');
        cells[HEADER.split(',').indexOf('stage_date')] = `${String(year).padStart(4, '0')}-06-15`;
        const { imported } = readPipelineImport([HEADER, cells.join(',')].join('\n'), 'one.csv', undefined, TODAY);
        expect(imported).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
