// Finding counties by ZIP for the screens: the ZIPs a pipeline file may hold, looked up in the engine
// before the file is read (the importer is synchronous and reads no data table), and what the county
// fields offer for a ZIP being typed (model/zip.ts reads the typed text).
import Papa from 'papaparse';
import type { Coordinator } from '../../data/cache/coordinator';
import { normaliseHeader } from '../../model/pipeline/columns';
import { zipCounties } from '../../data/queries/zip';
import { lookupOf, zipPlaces, type ZipLookup, type ZipPlace } from '../../model/zip';

/** Tokens of a CSV text that could be a ZIP in a site_zip cell: five digits (with or without +4), or four (a dropped leading zero). */
export function zipCandidates(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![\d.])(\d{4,5})(?:-?\d{4})?(?![\d.])/g)) found.add(m[1].padStart(5, '0'));
  return [...found];
}

/** Whether a pipeline CSV's header names a ZIP column (site_zip or one of its aliases). */
export function hasZipColumn(text: string): boolean {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const [header = []] = Papa.parse<string[]>(firstLine, { delimiter: ',' }).data;
  return header.some((h) => normaliseHeader(h) === 'site_zip');
}

/**
 * The ZIP lookup for a pipeline file: the counties of every ZIP-like value in it, from the engine.
 * Undefined when the file names no ZIP column (nothing to look up).
 */
export async function zipLookupFor(
  coordinator: Pick<Coordinator, 'query'>,
  text: string,
  hasZipColumn: boolean,
): Promise<ZipLookup | undefined> {
  if (!hasZipColumn) return undefined;
  const rows = await coordinator.query(zipCounties(zipCandidates(text)));
  return lookupOf(zipPlaces(rows));
}

export type { ZipPlace };
