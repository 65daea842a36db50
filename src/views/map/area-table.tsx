import { useState } from 'react';
import type { AreaValue } from '../../data/queries/shortage';
import { areaColumns, type AreaColumn } from '../../app/map/area-columns';
import { METRICS, type MapView } from '../../model/map-view';
import type { HpsaSource } from '../../model/hpsa-sources';
import { formatNumber } from '../../model/format';
import type { QueryState } from '../use-query';
import { downloadCsv } from '../download';
import type { TotalRow } from '../../app/map/area-totals';
import { TABLE_WORD } from '../table-word';
import { noMatchText } from '../../app/map/view-words';
import { compareByValue, highestFirst, rankValue } from '../../app/map/area-rank';

type SortKey = 'name' | 'value';

/** Rows drawn at first: a national county table has 3,000+; all of them are in the CSV export and one click away. */
const PAGE = 250;

const cell = (c: AreaColumn, r: AreaValue) => {
  const v = c.value(r);
  return typeof v === 'number' ? formatNumber(v, c.digits) : (v ?? '—');
};

const totalCell = (c: AreaColumn, total: TotalRow) => {
  const v = total.values[c.key];
  return typeof v === 'number' ? formatNumber(v, c.digits) : (v ?? '');
};

/** The table behind the map: the same rows as the coloured shapes, ranked, each figure with its date. */
export function AreaTable({
  view,
  state,
  onSelect,
  main,
  companion,
  total,
}: {
  view: MapView;
  state: QueryState<AreaValue>;
  onSelect: (geo: string) => void;
  main: HpsaSource | null;
  companion: HpsaSource | null;
  /** The view's or the service area's totals, under the rows; none for figures that cannot be added. */
  total: TotalRow | null;
}) {
  const [showAll, setShowAll] = useState(false);
  const metric = METRICS[view.metric];
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'value', desc: highestFirst(view) });
  // The report ranks the same way (app/map/area-rank.ts): people with no provider counted first, areas
  // without a figure (Connecticut's counties in 2022) last either way, and not ranked.
  const byValue = compareByValue(view, sort.desc);
  const rows = [...(state.rows ?? [])].sort((a, b) =>
    sort.key === 'name' ? (sort.desc ? -1 : 1) * a.name.localeCompare(b.name) : byValue(a, b),
  );
  const area = view.level === 'county' ? 'County' : 'State';
  // The report prints the same columns (app/area-columns.ts).
  const [valueColumn, ...columns] = areaColumns(view, main, companion);
  const th = (key: SortKey, label: string, cls = '') => (
    <th scope="col" className={cls} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key === 'value' })}>
        {label}
      </button>
    </th>
  );
  function exportCsv() {
    const all = [valueColumn, ...columns];
    downloadCsv(
      `shortage-${view.level}-${view.metric}.csv`,
      [area, 'FIPS', ...all.map((c) => c.label)],
      [
        ...rows.map((r) => [r.name, r.geo, ...all.map((c) => c.value(r))]),
        ...(total ? [[total.label, '', ...all.map((c) => total.values[c.key] ?? null)]] : []),
      ],
    );
  }
  return (
    <section
      className="card"
      aria-labelledby="area-table-title"
      data-query-state={state.pending ? 'loading' : 'done'}
      data-data-version={state.shown || undefined}
    >
      <div className="card-head">
        <h2 id="area-table-title">
          {formatNumber(rows.length)} {view.level === 'county' ? 'counties' : 'states'} ranked by {metric.label}
        </h2>
        <button type="button" className="secondary" data-testid="export-area-csv" onClick={exportCsv} disabled={!rows.length}>
          Export CSV
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`area-table-title ${TABLE_WORD}`}>
        <table data-testid="area-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              {th('name', area)}
              {th('value', valueColumn.label, 'num')}
              {columns.map((c) => (
                <th scope="col" key={c.key} className={c.digits === undefined ? '' : 'num'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(showAll ? rows : rows.slice(0, PAGE)).map((r, i) => (
              <tr key={r.geo} data-geo={r.geo} className={view.selected === r.geo ? 'selected' : ''}>
                <td className="num">{sort.key === 'name' || rankValue(view, r) !== null ? i + 1 : '—'}</td>
                <td>
                  <button type="button" className="link" onClick={() => onSelect(r.geo)} aria-pressed={view.selected === r.geo}>
                    {r.name}
                  </button>
                </td>
                <td className="num" data-col="value">
                  {cell(valueColumn, r)}
                </td>
                {columns.map((c) => (
                  <td key={c.key} className={c.digits === undefined ? 'nowrap' : 'num'} data-col={c.key}>
                    {cell(c, r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {total && (
            <tfoot>
              <tr data-testid="area-table-total">
                <td />
                <th scope="row">{total.label}</th>
                <td className="num" data-col="value">
                  {totalCell(valueColumn, total)}
                </td>
                {columns.map((c) => (
                  <td key={c.key} className={c.digits === undefined ? 'nowrap' : 'num'} data-col={c.key}>
                    {totalCell(c, total)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {!state.pending && state.rows?.length === 0 && (
        <p className="note" data-testid="area-table-none">
          {noMatchText(view)}.
        </p>
      )}
      {rows.length > PAGE && (
        <button type="button" className="secondary" onClick={() => setShowAll(!showAll)} data-testid="area-table-all">
          {showAll ? `Show the first ${PAGE}` : `Show all ${formatNumber(rows.length)} rows`}
        </button>
      )}
    </section>
  );
}
