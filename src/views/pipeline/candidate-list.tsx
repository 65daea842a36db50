import { useEffect, useMemo, useState } from 'react';
import { rangeBar } from '../../charts/range-bar';
import {
  CANDIDATE_SORTS,
  candidateListFacets,
  candidateListPage,
  type CandidateFacetRow,
  type CandidateListArgs,
  type CandidateListRow,
  type CandidateSort,
} from '../../data/queries/candidate-list';
import { countOf } from '../../model/format';
import { isSampleId } from '../../model/pipeline/sample';
import { PlotHost } from '../plot-host';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';
import { candidateHref } from './candidate-route';
import { TABLE_WORD } from '../table-word';

export const PAGE_SIZE = 25;

/** What the person chose in the list: the query's choices, and the page instead of an offset. */
export type ListControls = Omit<CandidateListArgs, 'offset' | 'limit'> & { page: number };

export const INITIAL_LIST: ListControls = {
  search: '',
  specialty: null,
  route: null,
  stage: null,
  site: null,
  atRisk: false,
  exactId: true,
  sort: 'position',
  descending: false,
  page: 0,
};

const SORT_LABELS: Readonly<Record<CandidateSort, string>> = {
  position: 'As saved',
  id: 'Candidate',
  specialty: 'Specialty',
  stage: 'Stage',
  route: 'Visa route',
  site: 'Site',
  median: 'Median arrival',
  chance: 'Chance by the due date',
};

const FILTERS = [
  ['specialty', 'Specialty', 'All specialties'],
  ['route', 'Visa route', 'All routes'],
  ['stage', 'Stage', 'All stages'],
  ['site', 'Site', 'All sites'],
] as const;

const pct = (p: number) => `${Math.round(p * 100)}%`;
const monthStart = (month: string | null) => (month === null ? null : new Date(`${month}-01T00:00:00Z`));

function SortHeader({ by, controls, onChange }: { by: CandidateSort; controls: ListControls; onChange: (c: ListControls) => void }) {
  const active = controls.sort === by;
  return (
    <th scope="col" aria-sort={active ? (controls.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => onChange({ ...controls, sort: by, descending: active && !controls.descending, page: 0 })}
      >
        {SORT_LABELS[by]}
        <span aria-hidden="true">{active ? (controls.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

function Filters({
  controls,
  onChange,
  facets,
}: {
  controls: ListControls;
  onChange: (c: ListControls) => void;
  facets: CandidateFacetRow[];
}) {
  const set = (change: Partial<ListControls>) => onChange({ ...controls, ...change, page: 0 });
  return (
    <div className="list-controls">
      <label className="list-search">
        Find a candidate
        <input
          type="search"
          data-testid="candidate-search"
          placeholder="Id, specialty, route or site"
          value={controls.search}
          onChange={(e) => set({ search: e.target.value, exactId: true })}
        />
      </label>
      {FILTERS.map(([kind, label, all]) => (
        <label key={kind}>
          {label}
          <select
            data-testid={`candidate-filter-${kind}`}
            value={controls[kind] ?? ''}
            onChange={(e) => set({ [kind]: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{all}</option>
            {facets
              .filter((f) => f.kind === kind)
              .map((f) => (
                <option key={f.code} value={f.code}>
                  {f.name} ({f.n})
                </option>
              ))}
          </select>
        </label>
      ))}
      <label>
        Sort by
        <select
          data-testid="candidate-sort"
          value={`${controls.sort} ${controls.descending ? 'desc' : 'asc'}`}
          onChange={(e) => {
            const [sort, direction] = e.target.value.split(' ');
            set({ sort: sort as CandidateSort, descending: direction === 'desc' });
          }}
        >
          {CANDIDATE_SORTS.flatMap((s) =>
            (s === 'position' ? ['asc'] : ['asc', 'desc']).map((d) => (
              <option key={`${s} ${d}`} value={`${s} ${d}`}>
                {SORT_LABELS[s]}
                {s === 'position' ? '' : d === 'asc' ? ' (low to high)' : ' (high to low)'}
              </option>
            )),
          )}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="candidate-filter-at-risk"
          checked={controls.atRisk}
          onChange={(e) => set({ atRisk: e.target.checked })}
        />
        At risk of missing a due date
      </label>
    </div>
  );
}

function RangeCell({ row, domain }: { row: CandidateListRow; domain: [Date, Date] | null }) {
  const text = row.arrival_p10 === null ? '' : `${row.arrival_p10} – ${row.arrival_p90 ?? 'later'}`;
  return (
    <td data-label="10th–90th percentile" className="range-cell">
      {domain && text && (
        <PlotHost
          make={() =>
            rangeBar(
              { p10: monthStart(row.arrival_p10), p50: monthStart(row.arrival_median), p90: monthStart(row.arrival_p90) },
              { domain },
            )
          }
          deps={[row.arrival_p10, row.arrival_median, row.arrival_p90, domain[0].getTime(), domain[1].getTime()]}
        />
      )}
      <span className="range-text">{text}</span>
    </td>
  );
}

function CandidateRow({
  row,
  domain,
  sample,
  withTargets,
}: {
  row: CandidateListRow;
  domain: [Date, Date] | null;
  sample: boolean;
  withTargets: boolean;
}) {
  return (
    <tr data-candidate={row.id} className={row.at_risk ? 'at-risk' : undefined}>
      <th scope="row" data-label="Candidate">
        <a href={candidateHref(row.id)}>{row.id}</a>
        {sample && <span className="badge sample">sample</span>}
        {row.at_risk && <span className="badge warn">at risk</span>}
      </th>
      <td data-label="Specialty">{row.specialty}</td>
      <td data-label="Stage">{row.stage}</td>
      <td data-label="Visa route">{row.route}</td>
      <td data-label="Site">{row.site}</td>
      <td data-label="Median arrival" data-col="median">
        {row.arrival_median ?? row.arrival_note}
      </td>
      {withTargets && (
        <td data-label="Chance by the due date" data-col="chance">
          {row.chance === null ? '—' : `${pct(row.chance)} by ${row.due_date}`}
        </td>
      )}
      <RangeCell row={row} domain={domain} />
    </tr>
  );
}

/**
 * Every candidate, one line each: searched, filtered, sorted and paged by DuckDB. `months`: the
 * forecast's months (the range bars' shared axis); `stale`: the figures are of an earlier forecast.
 */
export function CandidateList({
  months,
  stale,
  ready,
  onExport,
}: {
  months: readonly string[] | null;
  stale: boolean;
  ready: boolean;
  onExport: () => void;
}) {
  // The list's own state: a change re-renders the list alone, not the screen around it.
  const [controls, onChange] = useState<ListControls>(INITIAL_LIST);
  // A chance by a due date needs a target: without one the column is left out.
  const withTargets = useWorkspace().workspace.targets.length > 0;
  const key = JSON.stringify(controls);
  const query = useMemo(
    () => (ready ? candidateListPage({ ...controls, offset: controls.page * PAGE_SIZE, limit: PAGE_SIZE }) : null),
    // The key stands for the controls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ready, key],
  );
  const page = useQuery(query);
  const facets = useQuery(useMemo(() => (ready ? candidateListFacets() : null), [ready])).rows ?? [];
  const rows = page.rows ?? [];
  const total = facets.filter((f) => f.kind === 'stage').reduce((sum, f) => sum + f.n, 0);
  const counts = page.rows && { matches: rows[0]?.matches ?? 0, containing: rows[0]?.containing ?? 0, total };
  // A page past the end (the list got shorter): back to the first.
  const pastTheEnd = !!page.rows && !page.pending && rows.length === 0 && controls.page > 0;
  useEffect(() => {
    if (pastTheEnd) onChange((c) => ({ ...c, page: 0 }));
  }, [pastTheEnd]);
  const domain = useMemo<[Date, Date] | null>(
    () => (months && months.length ? [monthStart(months[0])!, monthStart(months[months.length - 1])!] : null),
    [months],
  );
  const matches = counts?.matches ?? 0;
  const pages = Math.max(1, Math.ceil(matches / PAGE_SIZE));
  const from = controls.page * PAGE_SIZE;
  const filtered = key !== JSON.stringify({ ...INITIAL_LIST, sort: controls.sort, descending: controls.descending, page: controls.page });
  return (
    <section className="card candidate-list" aria-labelledby="candidate-list-title" data-testid="candidate-list">
      <div className="card-head">
        <h2 id="candidate-list-title">Candidates</h2>
        <button type="button" className="secondary" onClick={onExport} data-testid="candidate-export">
          Export CSV
        </button>
      </div>
      <Filters controls={controls} onChange={onChange} facets={facets} />
      <p className="list-status" role="status" data-testid="candidate-count">
        {!counts
          ? 'Loading the list…'
          : matches === 0
            ? `No candidate matches${controls.search ? ` “${controls.search.trim()}”` : ''} among ${countOf(counts.total, 'candidate')}.`
            : `${from + 1}–${Math.min(from + PAGE_SIZE, matches)} of ${countOf(matches, 'candidate')}${matches < counts.total ? ` (of ${counts.total})` : ''}.`}
        {counts && counts.containing > counts.matches && (
          <>
            {' '}
            This is the candidate with exactly this id; {counts.containing - counts.matches} more contain it.{' '}
            <button type="button" className="link" onClick={() => onChange({ ...controls, exactId: false, page: 0 })}>
              Show them too
            </button>
          </>
        )}
        {filtered && (
          <>
            {' '}
            <button
              type="button"
              className="link"
              onClick={() => onChange({ ...INITIAL_LIST, sort: controls.sort, descending: controls.descending })}
            >
              Clear the search and filters
            </button>
          </>
        )}
        {stale && ' The forecast is updating: its figures here are the last run’s.'}
      </p>
      <div
        className="table-wide"
        tabIndex={0}
        role="region"
        aria-labelledby={`candidate-list-title ${TABLE_WORD}`}
        data-query-state={page.pending ? 'loading' : 'done'}
        data-data-version={page.shown}
      >
        <table data-testid="candidate-forecast" className={stale ? 'stale' : undefined} aria-busy={page.pending}>
          <thead>
            <tr>
              <SortHeader by="id" controls={controls} onChange={onChange} />
              <SortHeader by="specialty" controls={controls} onChange={onChange} />
              <SortHeader by="stage" controls={controls} onChange={onChange} />
              <SortHeader by="route" controls={controls} onChange={onChange} />
              <SortHeader by="site" controls={controls} onChange={onChange} />
              <SortHeader by="median" controls={controls} onChange={onChange} />
              {withTargets && <SortHeader by="chance" controls={controls} onChange={onChange} />}
              <th scope="col">Arrival, 10th–90th percentile</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <CandidateRow key={row.id} row={row} domain={domain} sample={isSampleId(row.id)} withTargets={withTargets} />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label="Pages of the candidate list">
          <button
            type="button"
            className="secondary"
            disabled={controls.page === 0}
            onClick={() => onChange({ ...controls, page: controls.page - 1 })}
          >
            Previous page
          </button>
          <span>
            Page {controls.page + 1} of {pages}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={controls.page + 1 >= pages}
            onClick={() => onChange({ ...controls, page: controls.page + 1 })}
          >
            Next page
          </button>
        </nav>
      )}
      <p className="note">
        Arrival months over the simulated futures: the median and the 10th–90th percentile (bar: on the forecast’s {months?.length ?? 48}{' '}
        months; tick: the median).
        {withTargets && ' Chance by the due date: of arriving by the due date of the target the candidate is least likely to make.'} Choose
        a candidate for their timeline, next action and record.
      </p>
    </section>
  );
}
