// Importing candidates: a CSV in the template's columns is read in full, its good rows replace
// saved candidates with the same id, and every bad row is reported by line and column.
import { parsePipelineCsv, type PipelineRowError } from '../../model/pipeline';
import { specialtyLabel } from '../../model/specialties';
import { currentStepText } from '../../model/timing/next-action';
import { withPublishers } from '../../model/timing/sources';
import { ROUTES, routeLabel } from '../../model/timing/visa-routes';
import type { SiteEligibility } from '../../model/timing/waiver-sites';
import type { Candidate, IsoDate } from '../../model/types';
import type { ZipLookup } from '../../model/zip';
import { findCounty, siteLabel, type CountyNames } from '../common/county-names';

export interface ImportMessage {
  ok: boolean;
  text: string;
  errors: PipelineRowError[];
  /** Rows loaded with something to check against the rules (e.g. a resident without available_from). */
  warnings: PipelineRowError[];
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
  today?: IsoDate,
  zips?: ZipLookup,
): { imported: Candidate[] | null; message: ImportMessage } {
  const r = parsePipelineCsv(text, fileName, { today, countyByZip: zips, ...(names ? { countyByName: countyByNameIn(names) } : {}) });
  if (r.missingColumns.length)
    return {
      imported: null,
      message: {
        ok: false,
        text: `${fileName} was not imported: it lacks the column(s) ${r.missingColumns.join(', ')}. Download the template for the expected columns. Your saved pipeline is unchanged.`,
        errors: r.errors,
        warnings: [],
      },
    };
  return {
    imported: r.candidates,
    message: {
      ok: r.errors.length === 0,
      text: [
        `Imported ${r.candidates.length} candidate(s) from ${fileName}${r.errors.length ? `; ${r.errors.length} problem(s) below — those rows were not imported` : ''}${r.warnings.length ? `; ${r.warnings.length} loaded row(s) to check against the rules` : ''}.`,
        r.rowsRead === 0 ? 'The file has no rows under its header.' : '',
        r.ignoredColumns.length ? `Not read (not columns of the template): ${r.ignoredColumns.join(', ')}.` : '',
        r.slashDatesMonthFirst ? 'Dates written with slashes were read month first (MM/DD/YYYY: 11/05/2026 is November 5).' : '',
      ]
        .filter(Boolean)
        .join(' '),
      errors: r.errors,
      warnings: r.warnings,
    },
  };
}

/** The generated sample pipeline shipped with the app (tools/make-sample-pipeline.mjs). */
export const SAMPLE_PIPELINE = { path: 'datasets/sample/pipeline-sample.csv', name: 'pipeline-sample.csv (generated sample)' };

/** The next-actions table, as on screen and exported to CSV: where each candidate is and, for a J-1 waiver, whether the site qualifies. */
export const ACTION_COLUMNS = [
  'Candidate',
  'Specialty',
  'Where they are',
  'Visa route',
  'Site',
  'Waiver site',
  'Next action',
  'Date',
] as const;

export function actionCells(
  candidate: Candidate,
  next: { action: string; date: string | null },
  site: SiteEligibility | undefined,
  names: CountyNames = new Map(),
): string[] {
  const waiver = ROUTES[candidate.visaRoute].waiver
    ? site
      ? `${site.status}: ${site.sentence}`
      : 'not checked: no HPSA data for the site'
    : '';
  return [
    candidate.id,
    specialtyLabel(candidate.specialty),
    currentStepText(candidate),
    routeLabel(candidate.visaRoute),
    siteLabel(candidate, names),
    waiver,
    withPublishers(next.action),
    next.date ?? '',
  ];
}
