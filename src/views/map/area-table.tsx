import { useState } from 'react';
import type { AreaValue } from '../../data/queries/shortage';
import { METRICS, type MapView } from '../../model/map-view';
import { formatNumber } from '../../model/format';
import type { QueryState } from '../use-query';
import { downloadCsv } from '../download';

type SortKey = 'name' | 'value';

/** Rows drawn at first: a national county table has 3,000+; all of them are in the CSV export and one click away. */
const PAGE = 250;

/** The table behind the map: the same rows as the coloured shapes, ranked. */
export function AreaTable({ view, state, onSelect }: { view: MapView; state: QueryState<AreaValue>; onSelect: (geo: string) => void }) {
  const [showAll, setShowAll] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'value', desc: METRICS[view.metric].scheme === 'need' });
  const metric = METRICS[view.metric];
  const digits = metric.digits;
  const rows = [...(state.rows ?? [])].sort((a, b) => {
    const d = sort.key === 'name' ? a.name.localeCompare(b.name) : (a.value ?? -Infinity) - (b.value ?? -Infinity);
    return sort.desc ? -d : d;
  });
  const area = view.level === 'county' ? 'County' : 'State';
  const hpsaCols = metric.hpsa;
  const th = (key: SortKey, label: string, cls = '') => (
    <th scope="col" className={cls} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key === 'value' })}>
        {label}
      </button>
    </th>
  );
  function exportCsv() {
    const columns = [
      area,
      'FIPS',
      metric.label,
      ...(hpsaCols
        ? ['Designations', 'FTE needed', 'Population in area HPSAs', 'Highest score', 'Population-weighted score']
        : ['Estimate']),
    ];
    downloadCsv(
      `shortage-${view.level}-${view.metric}.csv`,
      columns,
      rows.map((r) => [
        r.name,
        r.geo,
        r.value,
        ...(hpsaCols ? [r.designations, r.fte_needed, r.population, r.max_score, r.weighted_score] : [r.estimate ? 'estimate' : '']),
      ]),
    );
  }
  return (
    <section className="card" aria-labelledby="area-table-title" data-query-state={state.pending ? 'loading' : 'done'}>
      <div className="card-head">
        <h2 id="area-table-title">
          {rows.length.toLocaleString('en-US')} {view.level === 'county' ? 'counties' : 'states'} ranked by {metric.label}
        </h2>
        <button type="button" className="secondary" data-testid="export-area-csv" onClick={exportCsv} disabled={!rows.length}>
          Export CSV
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="area-table-title">
        <table data-testid="area-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              {th('name', area)}
              {th('value', `${metric.label} (${metric.unit})`, 'num')}
              {hpsaCols && (
                <>
                  {view.metric !== 'designations' && (
                    <th scope="col" className="num">
                      Designations
                    </th>
                  )}
                  {view.metric !== 'fte_needed' && (
                    <th scope="col" className="num">
                      FTE needed
                    </th>
                  )}
                  {view.metric !== 'population' && (
                    <th scope="col" className="num">
                      Population in area HPSAs
                    </th>
                  )}
                  {view.metric !== 'max_score' && (
                    <th scope="col" className="num">
                      Highest score
                    </th>
                  )}
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {(showAll ? rows : rows.slice(0, PAGE)).map((r, i) => (
              <tr key={r.geo} data-geo={r.geo} className={view.selected === r.geo ? 'selected' : ''}>
                <td className="num">{i + 1}</td>
                <td>
                  <button type="button" className="link" onClick={() => onSelect(r.geo)} aria-pressed={view.selected === r.geo}>
                    {r.name}
                  </button>
                  {r.estimate && <span className="badge estimate">estimate</span>}
                </td>
                <td className="num" data-col="value">
                  {formatNumber(r.value, digits)}
                </td>
                {hpsaCols && (
                  <>
                    {view.metric !== 'designations' && <td className="num">{formatNumber(r.designations)}</td>}
                    {view.metric !== 'fte_needed' && <td className="num">{formatNumber(r.fte_needed, 1)}</td>}
                    {view.metric !== 'population' && <td className="num">{formatNumber(r.population)}</td>}
                    {view.metric !== 'max_score' && <td className="num">{formatNumber(r.max_score)}</td>}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE && (
        <button type="button" className="secondary" onClick={() => setShowAll(!showAll)} data-testid="area-table-all">
          {showAll ? `Show the first ${PAGE}` : `Show all ${rows.length.toLocaleString('en-US')} rows`}
        </button>
      )}
    </section>
  );
}
