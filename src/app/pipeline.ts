// Importing candidates: a CSV in the template's columns is read in full, its good rows replace
// saved candidates with the same id, and every bad row is reported by line and column.
import { parsePipelineCsv, type PipelineRowError } from '../model/pipeline';
import type { Candidate } from '../model/types';
import { findCounty, type CountyNames } from './county-names';

export interface ImportMessage {
  ok: boolean;
  text: string;
  errors: PipelineRowError[];
}

/** Sites written by county name: "Kern County" is looked up in the row's state; "Kern County, CA" as written. */
export const countyByNameIn =
  (names: CountyNames) =>
  (name: string, state: string | undefined): string | undefined =>
    findCounty(state && !/,\s*[a-z]{2}$/i.test(name.trim()) ? `${name}, ${state}` : name, names)?.fips;

/** Imported rows replace candidates with the same id; everyone else already saved stays, in order. */
export function mergeCandidates(saved: readonly Candidate[], imported: readonly Candidate[]): Candidate[] {
  const byId = new Map(saved.map((c) => [c.id, c]));
  for (const c of imported) byId.set(c.id, c);
  return [...byId.values()];
}

/** The candidates a CSV brings, or null when the file is refused; and what to tell the person. */
export function readPipelineImport(
  text: string,
  fileName: string,
  names?: CountyNames,
): { imported: Candidate[] | null; message: ImportMessage } {
  const r = parsePipelineCsv(text, fileName, names ? { countyByName: countyByNameIn(names) } : {});
  if (r.missingColumns.length)
    return {
      imported: null,
      message: {
        ok: false,
        text: `${fileName} was not imported: it lacks the column(s) ${r.missingColumns.join(', ')}. Download the template for the expected columns. Your saved pipeline is unchanged.`,
        errors: r.errors,
      },
    };
  return {
    imported: r.candidates,
    message: {
      ok: r.errors.length === 0,
      text: `Imported ${r.candidates.length} candidate(s) from ${fileName}${r.errors.length ? `; ${r.errors.length} problem(s) below — those rows were not imported` : ''}.`,
      errors: r.errors,
    },
  };
}

/** The generated sample pipeline shipped with the app (tools/make-sample-pipeline.mjs). */
export const SAMPLE_PIPELINE = { path: 'datasets/sample/pipeline-sample.csv', name: 'pipeline-sample.csv (generated sample)' };

/** A J-1 waiver site outside every current HPSA in the loaded data: eligibility needs checking (flex slot, MUA/MUP). */
export function needsWaiverCheck(c: Candidate, shortageCounties: ReadonlySet<string>): boolean {
  return (
    (c.visaRoute === 'j1-conrad30' || c.visaRoute === 'j1-federal-waiver') &&
    c.siteCountyFips !== '' &&
    !shortageCounties.has(c.siteCountyFips)
  );
}

/** The next-actions table as exported to CSV. */
export function pipelineActionsTable(
  actions: readonly { candidate: Candidate; next: { action: string; date: string | null } }[],
  shortageCounties: ReadonlySet<string>,
): { columns: string[]; rows: string[][] } {
  return {
    columns: ['Candidate', 'Specialty', 'Stage', 'Visa route', 'Site', 'Next action', 'Date', 'Site in a shortage county'],
    rows: actions.map(({ candidate: c, next }) => [
      c.id,
      c.specialty,
      c.stage,
      c.visaRoute,
      `${c.siteState} ${c.siteCountyFips}`,
      next.action,
      next.date ?? '',
      shortageCounties.has(c.siteCountyFips) ? 'yes' : 'no',
    ]),
  };
}
