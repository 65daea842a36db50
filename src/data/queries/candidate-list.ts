// The Pipeline screen's candidate list, answered by DuckDB from the candidate_list table: a search
// (every word typed must appear in the candidate's id, specialty, stage, route or site), filters,
// a sort on any column and one page of rows, with the counts the screen states.
import { namedQuery } from '../cache/coordinator';
import { CANDIDATE_LIST_TABLE, type CandidateListRecord } from '../tables/candidate-list';

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
};

/** Words of the search, lower case (at most eight). */
export const searchWords = (search: string): string[] => search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);

/**
 * One page of the list, each row with the counts (no row: nothing on this page). One statement with
 * window counts, not several: on 1,000 rows planning the query costs more than running it.
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
  const filtered = `FROM ${CANDIDATE_LIST_TABLE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  // A search that is exactly a candidate's id shows that candidate alone.
  const hits = exact
    ? `(SELECT *, count(*) OVER ()::INTEGER AS containing, count(*) FILTER (WHERE lower(id) = ?) OVER () AS exact_ids ${filtered}) WHERE exact_ids = 0 OR lower(id) = ?`
    : `(SELECT *, count(*) OVER ()::INTEGER AS containing ${filtered})`;
  const all = exact ? [exact, ...params, exact] : params;
  const order = `${SORT_COLUMN[args.sort]} ${args.descending ? 'DESC' : 'ASC'} NULLS LAST, position`;
  return namedQuery<CandidateListRow>(
    'candidate-list-page',
    [CANDIDATE_LIST_TABLE],
    `SELECT * EXCLUDE (search_text${exact ? ', exact_ids' : ''}), count(*) OVER ()::INTEGER AS matches FROM ${hits} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...all, Math.max(0, Math.floor(args.limit)), Math.max(0, Math.floor(args.offset))],
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
