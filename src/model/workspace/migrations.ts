// Upgrades older workspace files step by step to the current schema before validation.

import { WORKSPACE_SCHEMA_VERSION } from './workspace';
import { isRecord, type JsonRecord } from './readers';

/** Turns a version-n document into a version-(n+1) document. Must not mutate its input. */
export type Migration = (doc: JsonRecord) => JsonRecord;

/**
 * Version 0 was the prototype format: the pipeline was stored as `pipeline`, and there were no
 * diversity targets or saved assumptions yet.
 */
function v0ToV1(doc: JsonRecord): JsonRecord {
  const { pipeline, ...rest } = doc;
  return {
    ...rest,
    schemaVersion: 1,
    candidates: rest.candidates ?? pipeline ?? [],
    diversityTargets: rest.diversityTargets ?? [],
    assumptions: rest.assumptions ?? {},
  };
}

/** Specialty ids renamed when the one specialty list (src/model/specialties.ts) replaced the old ones. */
const CANDIDATE_SPECIALTY_V2: Readonly<Record<string, string>> = {
  // "primary care" meant family medicine for candidates; now it is HRSA's group of four specialties.
  'primary care': 'family medicine',
  'medical laboratory': 'medical laboratory scientist',
};
/** Old lab targets were met by any lab candidate, which the "clinical laboratory" group keeps. */
const TARGET_SPECIALTY_V2: Readonly<Record<string, string>> = { 'medical laboratory': 'clinical laboratory' };

/** Version 1 to 2: visa status, availability and the rules' inputs on candidates; the one specialty list. */
function v1ToV2(doc: JsonRecord): JsonRecord {
  const rename = (table: Readonly<Record<string, string>>, value: unknown) =>
    typeof value === 'string' && Object.hasOwn(table, value) ? table[value] : value;
  const records = (value: unknown, upgrade: (record: JsonRecord) => JsonRecord) =>
    Array.isArray(value) ? value.map((item: unknown) => (isRecord(item) ? upgrade(item) : item)) : value;
  return {
    ...doc,
    schemaVersion: 2,
    candidates: records(doc.candidates, (c) => ({
      visaStatus: visaStatusOfV1(c),
      visaStatusDate: visaStatusOfV1(c) === 'not-started' ? '' : c.stageDate,
      availableFrom: '',
      currentStatus: typeof c.visaRoute === 'string' && c.visaRoute.startsWith('j1-') ? 'j1' : '',
      trainingStatus: '',
      bachelorsDegree: null,
      visaScreen: null,
      ...c,
      specialty: rename(CANDIDATE_SPECIALTY_V2, c.specialty),
    })),
    targets: records(doc.targets, (t) => ({ ...t, specialty: rename(TARGET_SPECIALTY_V2, t.specialty) })),
  };
}

/**
 * Version 1 forecast a candidate in the visa stage as having started that route's process on the
 * stage date; the visa status says so explicitly now. The lottery has no such reading.
 */
function visaStatusOfV1(c: JsonRecord): string {
  if (c.stage !== 'visa') return 'not-started';
  if (typeof c.visaRoute === 'string' && c.visaRoute.startsWith('j1-')) return 'waiver-filed';
  return ['h1b-cap-exempt', 'h1b-transfer', 'o1', 'tn'].includes(c.visaRoute as string) ? 'petition-filed' : 'not-started';
}

/** Version 2 had no offers on targets; an offer is optional, so targets carry over unchanged. */
function v2ToV3(doc: JsonRecord): JsonRecord {
  return { ...doc, schemaVersion: 3 };
}

/** MIGRATIONS[n] upgrades version n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 0: v0ToV1, 1: v1ToV2, 2: v2ToV3 };

export type MigrationResult = { ok: true; doc: JsonRecord } | { ok: false; error: string };

export function migrate(
  doc: JsonRecord,
  fromVersion: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  toVersion: number = WORKSPACE_SCHEMA_VERSION,
): MigrationResult {
  let current = doc;
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!step)
      return {
        ok: false,
        error: `this file uses version v${fromVersion}, which this app can no longer read (no upgrade from v${version})`,
      };
    try {
      current = step(current);
    } catch (error) {
      return { ok: false, error: `upgrading this file from v${version} to v${version + 1} failed: ${(error as Error).message}` };
    }
  }
  return { ok: true, doc: current };
}
