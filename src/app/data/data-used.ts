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

export type PartlyReplaced = Pick<LoadedDataset, 'rows' | 'rowsLeft' | 'partlyReplacedBy'>;

/**
 * "partly replaced by your file h1b-2022.csv: 4,011 of its 8,009 rows still used" — a dataset some
 * of whose parts (a fiscal year, a discipline) a file of the person's replaced; null otherwise.
 */
export function partlyReplacedText(d: PartlyReplaced, all: readonly (DataUsedDataset & { id: string })[]): string | null {
  if (!d.partlyReplacedBy?.length || d.rowsLeft === undefined) return null;
  const names = [...new Set(d.partlyReplacedBy.map((id) => all.find((x) => x.id === id)?.file?.name ?? 'a later file'))];
  const rows = (n: number) => n.toLocaleString('en-US');
  return `partly replaced by your file${names.length === 1 ? '' : 's'} ${list(names)}: ${rows(d.rowsLeft)} of its ${rows(d.rows)} rows still used`;
}
