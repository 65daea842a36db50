import { lazy, Suspense, useMemo } from 'react';
import { countyTrend, placeSupply } from '../../data/queries/county-supply';
import { placeSupplyTable, trendTable } from '../../app/map/supply-figures';
import { criterionContext, HPSA_GEOGRAPHIC_CRITERION, SUPPLY_RELEASES } from '../../model/county-supply';
import { useQuery } from '../use-query';
import { FigureTableView } from '../figure-table';
import { EngineWait } from '../engine-wait';

const SupplyTrendChart = lazy(() => import('./supply-trend-chart'));

/** HRSA's geographic-HPSA criterion beside the place's own ratio: context from head counts, never a target. */
function CriterionNote({ geo, popPer, physicians, year }: { geo: string; popPer: number | null; physicians: number | null; year: number }) {
  return (
    <p className="note criterion" data-testid="hpsa-criterion">
      <strong>
        Context, not a target ({year} figures; {HPSA_GEOGRAPHIC_CRITERION.rule}):{' '}
      </strong>
      {criterionContext(popPer, physicians, geo.length === 2 ? 'state' : 'county')}
    </p>
  );
}

/** One county's (or state's) providers: every figure of both releases with its year and source, the criterion as context, the trend. */
export function SupplyDetails({ geo, name }: { geo: string; name: string }) {
  const figures = useQuery(useMemo(() => placeSupply(geo), [geo]));
  const trend = useQuery(useMemo(() => (geo.length === 5 ? countyTrend(geo) : null), [geo]));
  const own = geo.length === 2 ? `${geo}000` : geo;
  const pcp = figures.rows?.find((r) => r.fips === own && r.measure === 'pcp' && r.release === SUPPLY_RELEASES[0].release);
  const trendRows = trend.rows ?? [];
  return (
    <div data-testid="supply-details" data-query-state={figures.pending || trend.pending ? 'loading' : 'done'}>
      <EngineWait pending={figures.pending} />
      {figures.error && <p className="msg error">{figures.error.message}</p>}
      {figures.rows && <FigureTableView table={placeSupplyTable(geo, name, figures.rows)} />}
      {figures.rows && (
        <CriterionNote
          geo={geo}
          popPer={pcp?.pop_per ?? null}
          physicians={pcp?.providers ?? null}
          year={pcp?.year ?? SUPPLY_RELEASES[0].years.pcp}
        />
      )}
      {trendRows.length > 0 && (
        <div className="trend" data-testid="county-trend">
          <h3>{name}: people per primary-care physician, 2014–2021</h3>
          <Suspense fallback={null}>
            <SupplyTrendChart
              points={trendRows.map((r) => ({ year: r.year, value: r.pop_per_pcp }))}
              title={`${name}: people per primary-care physician by year, 2014 to 2021 (Urban Institute, from the HRSA Area Health Resources File); the figures are in the table below`}
              deps={[geo, JSON.stringify(trendRows)]}
            />
          </Suspense>
          <FigureTableView table={trendTable(geo, trendRows)} />
        </div>
      )}
    </div>
  );
}
