// Real public files. A small real excerpt of HRSA's California file is committed as a fixture, so
// the tests on real data always run; the full files live in ../shared/datasets/real (read-only,
// present in CI, too large to commit) and only the tests that need a whole file read them.
// ATLAS_SHARED_DIR points elsewhere (e.g. a missing folder, to see what a clean clone skips).
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export const SHARED_REAL = process.env.ATLAS_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../../shared/datasets/real');
export const sharedAvailable = fs.existsSync(SHARED_REAL);
/** Why a full-file test may not run. */
export const FULL_FILE_ONLY = `full-file figures: needs ${SHARED_REAL}`;
export const CA_PC_FILE = path.join(SHARED_REAL, 'hrsa_hpsa_primary_care_CA_2024-03-27.csv');
export const readShared = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(SHARED_REAL, name)));

/** 345 component rows (199 whole designations) of the California file, with every quirk it has (test/fixtures/make-hrsa-excerpt.mjs). */
export const CA_PC_EXCERPT = path.resolve(import.meta.dirname, '../fixtures/hrsa-hpsa-pc-ca-2024-03-27-excerpt.csv');
export const readExcerpt = (): Uint8Array => new Uint8Array(fs.readFileSync(CA_PC_EXCERPT));

/**
 * A national-shaped HRSA file small enough to commit: `node ../shared/tools/make-national-hpsa.mjs
 * test/fixtures/national-hpsa-generated-800.csv --rows 800` (HRSA's real header and value shapes,
 * rows spread over every state's counties; the figures are not real outside California).
 */
export const NATIONAL_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/national-hpsa-generated-800.csv');
/** The generator of national-size files, when ../shared is beside the project. */
export const MAKE_NATIONAL = path.resolve(SHARED_REAL, '../../tools/make-national-hpsa.mjs');

/** A file's rows as a plain JavaScript CSV parser reads them: the independent count tests compare with. */
export function parseRows(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true })
    .data;
}
