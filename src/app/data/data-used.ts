// Which data the screens and the report rest on, in one sentence they share: the person's own files
// loaded now (kept in this browser or just loaded), the embedded datasets for the rest, and the
// files loaded before that are not loaded now (issue 22: a reload must never silently fall back).
import type { LoadedDataset } from '../../data/loaders/dataset';

export type DataUsedDataset = Pick<LoadedDataset, 'origin' | 'title' | 'replacedBy'> & { file?: { name: string } };

const list = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** "Data: your files a.csv and b.csv, and the embedded federal datasets for the rest. Not loaded now: c.csv." */
export function dataUsedText(datasets: readonly DataUsedDataset[], gone: readonly string[] = [], loading: readonly string[] = []): string {
  const yours = [...new Set(datasets.filter((d) => d.origin === 'upload' && !d.replacedBy).map((d) => d.file?.name ?? d.title))];
  const waiting = [...new Set(loading)].filter((name) => !yours.includes(name));
  const used = yours.length
    ? `Data: your file${yours.length === 1 ? '' : 's'} ${list(yours)}, and the embedded federal datasets for the rest.`
    : waiting.length
      ? 'Data: the embedded federal datasets for now.'
      : 'Data: the embedded federal datasets (no file of yours is loaded).';
  // Files of the last visit still loading again: never said to be absent meanwhile.
  const loadingNow = waiting.length ? ` Loading again from your last visit: ${list(waiting)}.` : '';
  const missing = [...new Set(gone)];
  return `${used}${loadingNow}${missing.length ? ` Not loaded now: ${list(missing)}, loaded before but not now.` : ''}`;
}
