// Real public files live in ../shared/datasets/real (read-only, present in CI). Tests read them
// from there; they are never copied into the repo.
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_REAL = path.resolve(import.meta.dirname, '../../../shared/datasets/real');
export const sharedAvailable = fs.existsSync(SHARED_REAL);
if (!sharedAvailable) {
  console.warn(`[tests] ${SHARED_REAL} is absent: tests on the real public datasets are skipped.`);
}
export const CA_PC_FILE = path.join(SHARED_REAL, 'hrsa_hpsa_primary_care_CA_2024-03-27.csv');
export const readShared = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(SHARED_REAL, name)));
