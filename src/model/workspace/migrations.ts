// Upgrades older workspace files step by step to the current schema before validation.

import { WORKSPACE_SCHEMA_VERSION } from './workspace';
import type { JsonRecord } from './readers';

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

/** MIGRATIONS[n] upgrades version n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 0: v0ToV1 };

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
