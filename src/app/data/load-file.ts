// Loading a user's file: recognised, checked and loaded in full, or refused with a message that
// names the file, line and column; the data already loaded stays as it was.
import type { Coordinator } from '../../data/coordinator';
import { readUserFile, type LoadedDataset } from '../../data/datasets';
import { changedWith } from '../../data/derived';
import { DataLoadError, describeDuckDbError } from '../../data/csv-stage';

export type UploadOutcome = { ok: true; text: string; warnings: string[] } | { ok: false; text: string; details: string[] };

export interface FileLoad {
  outcome: UploadOutcome;
  /** The dataset to add to the list (withUpload). */
  added?: LoadedDataset;
  /**
   * When the views showed the file before the engine had finished with it: resolves null once the
   * engine holds the same rows, or with the outcome to show instead if it refused them; the views
   * are then back on the data loaded before, and `added` leaves the list (withoutUpload).
   */
  later?: Promise<UploadOutcome | null>;
}

/** Each coordinator's last load, until its engine has finished with it: loads run one at a time. */
const lastLoad = new WeakMap<Coordinator, Promise<unknown>>();

/**
 * Loads the file and tells the coordinator which tables changed, resolving once the views can show
 * the new data; never throws.
 */
export function loadDataFile(coordinator: Coordinator, file: File | Uint8Array, fileName: string): Promise<FileLoad> {
  const load = (lastLoad.get(coordinator) ?? Promise.resolve()).then(() => readAndShow(coordinator, file, fileName));
  lastLoad.set(
    coordinator,
    load.then((l) => l.later),
  );
  return load;
}

async function readAndShow(coordinator: Coordinator, file: File | Uint8Array, fileName: string): Promise<FileLoad> {
  try {
    const { dataset: added, derive, localSources, engineLoad } = await readUserFile(coordinator.engine, file, fileName);
    // The map's local copies are computed from the new rows (read from the file in JavaScript when
    // it could) while DuckDB rebuilds its derived tables; the queries the engine answers from them wait for that.
    const changed = changedWith(added.table);
    await coordinator.dataChanged(changed, derive, localSources);
    const outcome: UploadOutcome = { ok: true, text: sentence(`Loaded ${fileName}: ${added.summary}`), warnings: added.warnings };
    const later = engineLoad?.then(async (refused) => {
      if (!refused) return null;
      // The local copies go back to the engine's tables, which the refusal left as they were.
      await coordinator.dataChanged(changed);
      return failure(refused, fileName);
    });
    return { outcome, added, ...(later ? { later } : {}) };
  } catch (e) {
    return { outcome: failure(e, fileName) };
  }
}

/** A summary may already end with its own full stop (the market loaders' do): one, never "..". */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

function failure(e: unknown, fileName: string): UploadOutcome {
  return e instanceof DataLoadError
    ? { ok: false, text: e.message, details: e.details }
    : { ok: false, text: `${fileName} could not be loaded; the data already loaded is unchanged.`, details: [describeDuckDbError(e)] };
}
