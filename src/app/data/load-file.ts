// Loading a user's file: recognised, checked and loaded in full, or refused with a message that
// names the file, line and column; the data already loaded stays as it was.
import type { Coordinator } from '../../data/cache/coordinator';
import { loadUserFile } from '../../data/loaders/registry';
import type { LoadedDataset } from '../../data/loaders/dataset';
import { DataLoadError, describeDuckDbError } from '../../data/loaders/csv-stage';

export type UploadOutcome = { ok: true; text: string; warnings: string[] } | { ok: false; text: string; details: string[] };

export interface FileLoad {
  outcome: UploadOutcome;
  /** The dataset to add to the list (withUpload). */
  added?: LoadedDataset;
}

/** Each coordinator's last load: loads run one at a time. */
const lastLoad = new WeakMap<Coordinator, Promise<unknown>>();

/**
 * Loads the file and tells the coordinator which tables changed, resolving once the views can show
 * the new data (the summaries computed from them rebuilt); never throws.
 */
export function loadDataFile(coordinator: Coordinator, file: File | Uint8Array, fileName: string): Promise<FileLoad> {
  const load = (lastLoad.get(coordinator) ?? Promise.resolve()).then(() => readAndShow(coordinator, file, fileName));
  lastLoad.set(coordinator, load);
  return load;
}

async function readAndShow(coordinator: Coordinator, file: File | Uint8Array, fileName: string): Promise<FileLoad> {
  try {
    const { dataset: added, changed } = await loadUserFile(coordinator.engine, file, fileName);
    await coordinator.dataChanged(changed);
    return { outcome: { ok: true, text: sentence(`Loaded ${fileName}: ${added.summary}`), warnings: added.warnings }, added };
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
