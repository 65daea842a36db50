// The list of loaded datasets the Data sources panel and the report show, as uploads change it (its
// own module: the first screen keeps the list, the loaders come later with the engine).
import type { LoadedDataset } from './datasets';

/** The dataset list after an upload: datasets whose parts the new one covers are marked replaced by it. */
export function withUpload(datasets: readonly LoadedDataset[], added: LoadedDataset): LoadedDataset[] {
  const covered = new Set(added.parts);
  const replaced = datasets.map((d) =>
    !d.replacedBy && d.table === added.table && d.parts.length && d.parts.every((x) => covered.has(x)) ? { ...d, replacedBy: added.id } : d,
  );
  return [...replaced, added];
}
