// The Pipeline screen's candidate list, answered by DuckDB from the candidate_list table: a search
// (every word typed must appear in the candidate's id, specialty, stage, route or site), filters,
// a sort on any column and one page of rows, with the counts the screen states.
import { namedQuery } from '../coordinator';
import { CANDIDATE_LIST_TABLE, type CandidateListRecord } from '../candidate-list-table';

export const CANDIDATE_SORTS = ['position', 'id', 'specialty', 'stage', 'route', 'site', 'median', 'chance'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

const SORT_COLUMN: Readonly<Record<CandidateSort, string>> = {
  position: 'position',
  id: 'id',
  specialty: 'specialty',
  stage: 'stage_order',
  route: 'route',
  site: 'site',
  median: 'arrival_median',
  chance: 'chance',
};

export interface CandidateListArgs {
  search: string;
  /** Codes (site: its label); null: any. */
  specialty: string | null;
  route: string | null;
  stage: string | null;
  site: string | null;
  atRisk: boolean;
  /** A search that is exactly one candidate's id shows that candidate alone (false: every candidate containing it). */
  exactId: boolean;
  sort: CandidateSort;
  descending: boolean;
  offset: number;
  limit: number;
}

export type CandidateListRow = Omit<CandidateListRecord, 'search_text'> & {
  /** Candidates shown by the search and filters (one when the search is exactly a candidate's id). */
  matches: number;
  /** Candidates whose text contains every word of the search (more than `matches` when an exact id narrowed them). */
  containing: number;
  total: number;
};

/** Words of the search, lower case (at most eight). */
export const searchWords = (search: string): string[] => search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);

/**
 * One page of the list; always one row at least, carrying the counts (its candidate fields are null
 * when the page is empty).
 */
export function candidateListPage(args: CandidateListArgs) {
  const words = searchWords(args.search);
  const exact = args.exactId ? args.search.trim().toLowerCase() : '';
  const params: unknown[] = [];
  const where: string[] = [];
  for (const [column, value] of [
    ['specialty_code', args.specialty],
    ['route_code', args.route],
    ['stage_code', args.stage],
    ['site', args.site],
  ] as const) {
    if (value === null) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  if (args.atRisk) where.push('at_risk');
  for (const word of words) {
    where.push('contains(search_text, ?)');
    params.push(word);
  }
  const narrowed = exact ? `WHERE NOT EXISTS (SELECT 1 FROM hits WHERE lower(id) = ?) OR lower(id) = ?` : '';
  if (exact) params.push(exact, exact);
  const order = `${SORT_COLUMN[args.sort]} ${args.descending ? 'DESC' : 'ASC'} NULLS LAST, position`;
  params.push(Math.max(0, Math.floor(args.offset)), Math.max(0, Math.floor(args.offset + args.limit)));
  return namedQuery<CandidateListRow>(
    'candidate-list-page',
    [CANDIDATE_LIST_TABLE],
    `WITH hits AS (SELECT * FROM ${CANDIDATE_LIST_TABLE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}),
shown AS (SELECT * FROM hits ${narrowed}),
ranked AS (SELECT *, row_number() OVER (ORDER BY ${order}) AS k FROM shown),
counts AS (SELECT (SELECT count(*) FROM shown)::INTEGER AS matches, (SELECT count(*) FROM hits)::INTEGER AS containing,
  (SELECT count(*) FROM ${CANDIDATE_LIST_TABLE})::INTEGER AS total)
SELECT counts.*, r.* EXCLUDE (search_text, k) FROM counts LEFT JOIN ranked r ON r.k > ? AND r.k <= ? ORDER BY r.k`,
    params,
  );
}

export interface CandidateFacetRow {
  kind: 'specialty' | 'stage' | 'route' | 'site';
  code: string;
  name: string;
  n: number;
}

/** The values each filter offers, with how many candidates have each: stages in pipeline order, the rest by name. */
export const candidateListFacets = () =>
  namedQuery<CandidateFacetRow>(
    'candidate-list-facets',
    [CANDIDATE_LIST_TABLE],
    `SELECT kind, code, name, n FROM (
  SELECT 'specialty' AS kind, specialty_code AS code, any_value(specialty) AS name, count(*)::INTEGER AS n, 0 AS ord FROM ${CANDIDATE_LIST_TABLE} GROUP BY specialty_code
  UNION ALL SELECT 'stage', stage_code, any_value(stage), count(*)::INTEGER, min(stage_order) FROM ${CANDIDATE_LIST_TABLE} GROUP BY stage_code
  UNION ALL SELECT 'route', route_code, any_value(route), count(*)::INTEGER, 0 FROM ${CANDIDATE_LIST_TABLE} GROUP BY route_code
  UNION ALL SELECT 'site', site, site, count(*)::INTEGER, 0 FROM ${CANDIDATE_LIST_TABLE} GROUP BY site
) ORDER BY kind, ord, name`,
  );
