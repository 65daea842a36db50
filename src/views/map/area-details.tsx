import { useEffect, useMemo, useRef } from 'react';
import { areaDesignations, type DesignationRow } from '../../data/queries/shortage';
import { hpsaCoverage } from '../../data/queries/waiver-sites';
import { METRICS, type MapView } from '../../model/map-view';
import type { HpsaSource } from '../../model/hpsa-sources';
import { formatNumber } from '../../model/format';
import { formatEpochDate } from '../../model/calendar';
import { stateByFips } from '../../model/workspace';
import { useQuery } from '../use-query';
import { StateFigures } from './state-figures';
import { EngineWait } from '../engine-wait';
import { SupplyDetails } from './supply-details';
import { countyLabel } from '../../app/common/county-names';
import { useCountyNames } from '../use-county-names';
import { TABLE_WORD } from '../table-word';

const isoDate = (d: Date | null) => (d ? formatEpochDate(d.getTime()) : '—');

/** What the loaded designations mean for a J-1 (Conrad 30) waiver site here. */
function WaiverNote({ rows, isState, covered }: { rows: DesignationRow[]; isState: boolean; covered: boolean }) {
  const designated = rows.filter((r) => r.status !== 'Withdrawn');
  const geographic = designated.filter((r) => r.designation_type.includes('Geographic') || r.designation_type === 'HPSA Population');
  return (
    <p className="waiver" data-testid="waiver-eligibility">
      <strong>J-1 waiver (Conrad 30) eligibility: </strong>
      {!covered && !designated.length
        ? 'no HRSA detail file for this state is loaded, so its designations are not known here (the state map has HRSA’s published totals). Load HRSA’s detail file for them, or check a site’s address with HRSA’s HPSA Find. A site outside every designation could still use one of the state’s up to 10 “flex” slots.'
        : designated.length > 0
          ? `${designated.length} current designation${designated.length === 1 ? '' : 's'} in the loaded detail file (${geographic.length} geographic or population). A site qualifies if its address lies inside one of them (geographic and population HPSAs often cover only some census tracts) or if it is itself a designated facility; confirm the address with HRSA’s HPSA Find “by address” search. Conrad 30 physicians serve 3 years in an HPSA, MUA or MUP.`
          : isState
            ? 'no detail file lists this state’s designations: HRSA’s summaries above count them but do not say where they are. Load HRSA’s detail file, or check a site’s address with HPSA Find. A site outside every designation could still use one of the state’s up to 10 “flex” slots.'
            : 'no current HPSA designation in the loaded detail file. A site here could still qualify through a Medically Underserved Area/Population designation, or through one of the state’s up to 10 “flex” slots for sites outside designated areas.'}
    </p>
  );
}

/** The loaded detail file's designations, each once, with the counties it shares. */
function DesignationTable({ rows, titleId }: { rows: DesignationRow[]; titleId: string }) {
  return (
    <div className="table-scroll short" tabIndex={0} role="region" aria-labelledby={`${titleId} ${TABLE_WORD}`}>
      <table data-testid="designation-table">
        <thead>
          <tr>
            {['Designation', 'Type', 'Status', 'Score', 'FTE needed', 'Ratio goal', 'Population', 'Counties', 'Designated', 'As of'].map(
              (h) => (
                <th scope="col" key={h} className={['Score', 'FTE needed', 'Population'].includes(h) ? 'num' : ''}>
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.hpsa_id} data-hpsa={r.hpsa_id}>
              <td>
                {r.hpsa_name} <span className="id">{r.hpsa_id}</span>
              </td>
              <td>{r.designation_type}</td>
              <td>{r.status}</td>
              <td className="num">{formatNumber(r.score)}</td>
              <td className="num">{formatNumber(r.fte_needed, 2)}</td>
              <td>{r.ratio_goal ?? '—'}</td>
              <td className="num">{formatNumber(r.designation_population)}</td>
              <td>
                {r.n_counties > 1
                  ? `shared with ${r.n_counties - 1} other count${r.n_counties === 2 ? 'y' : 'ies'}: ${r.counties}`
                  : r.counties}
              </td>
              <td>{isoDate(r.designation_date)}</td>
              <td className="nowrap">{r.as_of ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One county's or state's details: its providers (every figure with its year), a state's published figures, and the detail file's designations. */
export function AreaDetails({
  view,
  geo,
  main,
  onClose,
  focusOnOpen = false,
}: {
  view: MapView;
  geo: string;
  main: HpsaSource | null;
  onClose: () => void;
  /** Opened from the ranked table: move focus to the heading, so a keyboard or screen-reader user lands on what opened. */
  focusOnOpen?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [geo, focusOnOpen]);
  const isState = geo.length === 2;
  // Workforce metrics have no designations of their own: list the discipline's designations.
  const { rows, error, pending } = useQuery(
    useMemo(() => areaDesignations(METRICS[view.metric].kind === 'hpsa' ? view : { ...view, metric: 'fte_needed' }, geo), [view, geo]),
  );
  const state = isState ? stateByFips(geo) : undefined;
  const names = useCountyNames();
  const coverage = useQuery(useMemo(hpsaCoverage, [])).rows;
  const stateCode = stateByFips(geo.slice(0, 2))?.code ?? '';
  const covered = !!coverage?.some((r) => r.coverage === `${stateCode}|${view.discipline}`);
  const name = state?.name ?? countyLabel(geo, names);
  return (
    <section className="card details" aria-labelledby="details-title" data-testid="area-details">
      <div className="card-head">
        <h2 id="details-title" tabIndex={-1} ref={heading}>
          {isState ? `${name}: every published figure` : `${name}: providers, trend and designations`}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <SupplyDetails geo={geo} name={name} />
      {state && <StateFigures state={state.code} />}
      {error && <p className="msg error">{error.message}</p>}
      <h3 id="details-designations">{view.discipline} designations in the loaded detail file</h3>
      <EngineWait pending={pending} />
      {rows && <WaiverNote rows={rows} isState={isState} covered={covered} />}
      {!!rows?.length && <DesignationTable rows={rows} titleId="details-designations" />}
      {!isState && main?.kind === 'detail' && !!rows?.some((r) => r.n_counties > 1) && (
        <p className="note">
          A designation shared with other counties counts whole in each county on the map (HRSA gives no split by county); states and
          service areas count it once.
        </p>
      )}
    </section>
  );
}
