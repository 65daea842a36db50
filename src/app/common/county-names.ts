// Counties by name: "Kern County, CA" on screen and in the report, and finding a county from what a
// person types. Names are the Census names of the embedded county table (ref_counties); the FIPS
// code stays in CSV exports, where spreadsheets join on it.
import type { CountyNameRow } from '../../data/queries/counties';

export interface County {
  fips: string;
  state: string;
  /** "Kern County, CA". */
  label: string;
}

export type CountyNames = ReadonlyMap<string, County>;

const built = new WeakMap<readonly CountyNameRow[], CountyNames>();
const EMPTY: CountyNames = new Map();

/** The county map of the `countyNameRows` query's rows, built once per rows array (the coordinator reuses it). */
export function countyNameMap(rows: readonly CountyNameRow[] | undefined): CountyNames {
  if (!rows) return EMPTY;
  let map = built.get(rows);
  if (!map) {
    map = new Map(rows.map((r) => [r.county_fips, { fips: r.county_fips, state: r.state, label: `${r.county_name}, ${r.state}` }]));
    built.set(rows, map);
  }
  return map;
}

/** "Kern County, CA"; "County 06999" when the code is not in the table (or the table is not loaded yet). */
export function countyLabel(fips: string, names: CountyNames): string {
  return names.get(fips)?.label ?? `County ${fips}`;
}

/** A candidate's site: the county's name, else the state (the site's county is optional). */
export function siteLabel(site: { siteState: string; siteCountyFips: string }, names: CountyNames): string {
  return site.siteCountyFips ? countyLabel(site.siteCountyFips, names) : site.siteState;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The county a person means: its label exactly ("Kern County, CA"), or a five-digit FIPS code, or a
 * name that only one county has ("Kern", "kern county ca"); undefined when none or several match.
 */
export function findCounty(text: string, names: CountyNames): County | undefined {
  const t = text.trim();
  if (/^\d{5}$/.test(t)) return names.get(t);
  const matches = searchCounties(t, names, 50);
  if (matches.length === 1) return matches[0];
  const exact = fold(t);
  return matches.find((c) => fold(c.label) === exact);
}

/**
 * Counties whose name starts with the words typed, in the table's order (state, then name): "kern"
 * → Kern County, CA; "san ca" → San Benito … San Mateo County, CA (a trailing state code narrows).
 */
export function searchCounties(text: string, names: CountyNames, limit = 12): County[] {
  const words = fold(text).split(' ').filter(Boolean);
  if (!words.length) return [];
  const last = words[words.length - 1];
  if (words.length > 1 && /^[a-z]{2}$/.test(last)) {
    const inState = matching(words.slice(0, -1).join(' '), last.toUpperCase(), names, limit);
    if (inState.length) return inState;
  }
  // No trailing state code, or the last word was part of the name ("de la").
  return matching(words.join(' '), '', names, limit);
}

function matching(prefix: string, state: string, names: CountyNames, limit: number): County[] {
  const found: County[] = [];
  for (const county of names.values()) {
    if (found.length === limit) break;
    if ((!state || county.state === state) && fold(county.label).startsWith(prefix)) found.push(county);
  }
  return found;
}

/** The labels of these counties, by FIPS (the report carries them as plain data). */
export function countyLabelsFor(fips: Iterable<string>, names: CountyNames): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fips) {
    const county = names.get(f);
    if (county) out[f] = county.label;
  }
  return out;
}

/** Back from labels by FIPS to a CountyNames map (in the report, which has no database). */
export function countyNamesFromLabels(labels: Readonly<Record<string, string>>): CountyNames {
  return new Map(Object.entries(labels).map(([fips, label]) => [fips, { fips, state: label.slice(-2), label }]));
}

/** Every county a workspace names: its service areas', its targets' and its candidates' sites. */
export function workspaceCountyFips(ws: {
  serviceAreas: readonly { counties: readonly string[] }[];
  targets: readonly { region: { kind: string; fips?: string; countyFips?: string } }[];
  candidates: readonly { siteCountyFips: string }[];
}): Set<string> {
  return new Set(
    [
      ...ws.serviceAreas.flatMap((a) => a.counties),
      ...ws.targets.flatMap((t) => [t.region.fips ?? '', t.region.countyFips ?? '']),
      ...ws.candidates.map((c) => c.siteCountyFips),
    ].filter(Boolean),
  );
}
