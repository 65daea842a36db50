// Small real excerpts of the shared public files, committed so the tests against published figures
// run on a clean clone too (test/fixtures/make-hrsa-excerpt.mjs, tools/make-test-fixtures.mjs), and
// the embedded datasets, read as text.
import fs from 'node:fs';
import path from 'node:path';
import { parseRows } from './shared';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const DATASETS = path.resolve(import.meta.dirname, '../../datasets');

export type CsvRow = Record<string, string>;

export const fixtureRows = (name: string): CsvRow[] => parseRows(path.join(FIXTURES, name));
export const datasetRows = (name: string): CsvRow[] => parseRows(path.join(DATASETS, name));
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

/** The real California detail excerpt: whole designations (make-hrsa-excerpt.mjs), among them these whole counties. */
export const CA_EXCERPT = 'hrsa-hpsa-pc-ca-2024-03-27-excerpt.csv';
/** Colusa, Inyo, Modoc, Plumas, Trinity: every designation touching them is in the excerpt, so every row of theirs is. */
export const CA_EXCERPT_COUNTIES = ['06011', '06027', '06049', '06063', '06105'];
