// Loading a user's file: recognised, checked and loaded in full, or refused with a message that
// names the file, line and column; the data already loaded stays as it was.
import type { Coordinator } from '../../data/cache/coordinator';
import { loadUserFile } from '../../data/loaders/registry';
import type { LoadedDataset } from '../../data/loaders/dataset';
import type { Confirm } from '../../data/loaders/loader';
import { DataLoadError, LoadDeclined, describeDuckDbError } from '../../data/loaders/csv-stage';

export type UploadOutcome =
  | { ok: true; text: string; warnings: string[] }
  /** `declined`: the person answered the load's question with no; nothing is wrong with the file. */
  | { ok: false; text: string; details: string[]; declined?: boolean };

export interface FileLoad {
  outcome: UploadOutcome;
  /** The dataset to add to the list (withUpload), and the rows each dataset of its table still has. */
  added?: LoadedDataset;
  remaining?: Record<string, number>;
}

export interface LoadOptions {
  /** Asked before a load that may lose data (a partial fiscal year replacing a full one). */
  confirm?: Confirm;
}

/** Each coordinator's last load: loads run one at a time. */
const lastLoad = new WeakMap<Coordinator, Promise<unknown>>();

/**
 * Loads the file and tells the coordinator which tables changed, resolving once the views can show
 * the new data (the summaries computed from them rebuilt); never throws.
 */
export function loadDataFile(
  coordinator: Coordinator,
  file: File | Uint8Array,
  fileName: string,
  options: LoadOptions = {},
): Promise<FileLoad> {
  const load = (lastLoad.get(coordinator) ?? Promise.resolve()).then(() => readAndShow(coordinator, file, fileName, options));
  lastLoad.set(coordinator, load);
  return load;
}

async function readAndShow(coordinator: Coordinator, file: File | Uint8Array, fileName: string, options: LoadOptions): Promise<FileLoad> {
  try {
    const {
      dataset: added,
      changed,
      remaining,
    } = await coordinator.busyWith(() => loadUserFile(coordinator.engine, file, fileName, { confirm: options.confirm }));
    await coordinator.dataChanged(changed);
    return { outcome: { ok: true, text: sentence(`Loaded ${fileName}: ${added.summary}`), warnings: added.warnings }, added, remaining };
  } catch (e) {
    return { outcome: failure(e, fileName) };
  }
}

/** A summary may already end with its own full stop (the market loaders' do): one, never "..". */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

function failure(e: unknown, fileName: string): UploadOutcome {
  if (e instanceof LoadDeclined) return { ok: false, text: e.message, details: [], declined: true };
  return e instanceof DataLoadError
    ? { ok: false, text: e.message, details: e.details }
    : { ok: false, text: `${fileName} could not be loaded; the data already loaded is unchanged.`, details: [describeDuckDbError(e)] };
}
