// Loading a user's file: recognised, checked and loaded in full, or refused with a message that
// names the file, line and column; the data already loaded stays as it was.
import type { Coordinator } from '../data/coordinator';
import { readUserFile, type LoadedDataset } from '../data/datasets';
import { changedWith } from '../data/derived';
import { DataLoadError, describeDuckDbError } from '../data/csv-stage';

export type UploadOutcome = { ok: true; text: string; warnings: string[] } | { ok: false; text: string; details: string[] };

/**
 * Loads the file and tells the coordinator which tables changed, resolving once the views can show
 * the new data; never throws. Add `added` to the list with withUpload.
 */
export async function loadDataFile(
  coordinator: Coordinator,
  file: File | Uint8Array,
  fileName: string,
): Promise<{ outcome: UploadOutcome; added?: LoadedDataset }> {
  try {
    const {
      dataset: added,
      derive,
      localSources,
    } = await readUserFile(coordinator.engine, file, fileName, {
      whileLoading: (sources) => coordinator.prepareLocal(sources),
    });
    // The map's local copies are computed from the new rows (read from the file in JavaScript when
    // it could) while DuckDB rebuilds its derived tables; the queries the engine answers from them wait for that.
    await coordinator.dataChanged(changedWith(added.table), derive, localSources);
    return { outcome: { ok: true, text: `Loaded ${fileName}: ${added.summary}.`, warnings: added.warnings }, added };
  } catch (e) {
    const outcome: UploadOutcome =
      e instanceof DataLoadError
        ? { ok: false, text: e.message, details: e.details }
        : { ok: false, text: `${fileName} could not be loaded; the data already loaded is unchanged.`, details: [describeDuckDbError(e)] };
    return { outcome };
  }
}

/** What a failed start-up says to the person. */
export function bootFailure(e: unknown): string {
  return e instanceof DataLoadError ? [e.message, ...e.details].join(' ') : describeDuckDbError(e);
}
