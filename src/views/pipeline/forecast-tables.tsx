import type { WorkspaceForecast } from '../../app/pipeline/forecast';
import { formatNumber } from '../../model/format';
import { specialtyLabel } from '../../model/specialties';
import { routeLabel } from '../../model/timing/visa-routes';
import type { ForecastResult } from '../../model/forecast/result';
import { ActionDate } from './action-date';
import { targetArrivalsFigure } from '../../app/pipeline/figures';
import { arrivalsChart } from '../../charts/arrivals';
import { PlotHost } from '../plot-host';
import { withPublishers } from '../../model/timing/sources';

export const pct = (p: number) => `${Math.round(p * 100)}%`;

/**
 * Per target, one row each (the target named in its row): matching candidates, expected arrivals,
 * P(met), shortfall, the next step, and a small chart of its arrivals against its hires and due date.
 */
export function ForecastTable({ forecast, label }: { forecast: WorkspaceForecast; label: (targetId: string) => string }) {
  const { result, nextSteps } = forecast;
  return (
    <div className="table-wide" tabIndex={0} role="region" aria-label="Forecast against each target">
      <table data-testid="forecast-table" className="targets-forecast">
        <thead>
          <tr>
            <th scope="col">Target</th>
            <th scope="col" className="num">
              Hires
            </th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Matching candidates
            </th>
            <th scope="col" className="num">
              Expected arrivals (10th–90th)
            </th>
            <th scope="col" className="num">
              P(met)
            </th>
            <th scope="col" className="num">
              {result.fee.counterfactual === 'not-applied' ? 'P(met) without the $100,000 fee' : 'P(met) if the $100,000 fee continues'}
            </th>
            <th scope="col" className="num">
              Expected shortfall
            </th>
            <th scope="col">Next action</th>
            <th scope="col">By</th>
            <th scope="col">Arrivals over time</th>
          </tr>
        </thead>
        <tbody>
          {result.targets.map((f) => (
            <tr key={f.targetId} data-target={f.targetId}>
              <td>{label(f.targetId)}</td>
              <td className="num">{f.hires}</td>
              <td>{f.dueDate}</td>
              <td className="num">{f.matchedCandidates}</td>
              <td className="num" data-col="expected">
                {formatNumber(f.expectedArrivals, 1)} ({formatNumber(f.arrivalsP10)}–{formatNumber(f.arrivalsP90)})
              </td>
              <td className="num" data-col="p-met">
                {pct(f.probabilityMet)}
              </td>
              <td className="num" data-col="p-met-counterfactual">
                {pct(f.probabilityMetCounterfactual)}
              </td>
              <td className="num">{formatNumber(f.expectedShortfall, 1)}</td>
              <td data-col="next-action">{nextSteps[f.targetId]?.action}</td>
              <td>
                <ActionDate date={nextSteps[f.targetId]?.date ?? null} />
              </td>
              <td data-col="chart" className="spark">
                <PlotHost
                  make={() => {
                    const figure = targetArrivalsFigure(result, f, label(f.targetId));
                    return arrivalsChart(figure.rows, { ...figure.options, width: 180, height: 56, compact: true });
                  }}
                  deps={[result, f.targetId]}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The figures behind the arrival charts, every third month. */
export function ArrivalsTable({ result, label }: { result: ForecastResult; label: (targetId: string) => string }) {
  return (
    <details>
      <summary>The figures behind the charts (every third month)</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Cumulative expected arrivals by month">
        <table data-testid="arrivals-table">
          <thead>
            <tr>
              <th scope="col">End of month</th>
              <th scope="col" className="num">
                All candidates (10th–90th)
              </th>
              {result.targets.map((f) => (
                <th key={f.targetId} scope="col" className="num">
                  {label(f.targetId)}
                </th>
              ))}
              {result.bySpecialtyState.map((g) => (
                <th key={`${g.specialty}|${g.state}`} scope="col" className="num">
                  {specialtyLabel(g.specialty)}, {g.state}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.months.map((m, i) =>
              i % 3 === 2 ? (
                <tr key={m}>
                  <td>{m}</td>
                  <td className="num">
                    {formatNumber(result.total.cumulative.mean[i], 1)} ({formatNumber(result.total.cumulative.p10[i])}–
                    {formatNumber(result.total.cumulative.p90[i])})
                  </td>
                  {result.targets.map((f) => (
                    <td key={f.targetId} className="num">
                      {formatNumber(f.cumulative.mean[i], 1)}
                    </td>
                  ))}
                  {result.bySpecialtyState.map((g) => (
                    <td key={`${g.specialty}|${g.state}`} className="num">
                      {formatNumber(g.cumulative.mean[i], 1)}
                    </td>
                  ))}
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </div>
      <p className="note">Expected cumulative arrivals; columns after the targets: every specialty and state in the pipeline.</p>
    </details>
  );
}

/** Known government fees per expected hire, by visa route. */
export function CostTable({ result, employerKindText }: { result: ForecastResult; employerKindText: string }) {
  return (
    <>
      <h3>Known fees per expected hire, by visa route</h3>
      <div className="table-wide" tabIndex={0} role="region" aria-label="Known fees per expected hire">
        <table data-testid="cost-table">
          <thead>
            <tr>
              <th scope="col">Visa route</th>
              <th scope="col" className="num">
                Candidates
              </th>
              <th scope="col" className="num">
                Expected hires
              </th>
              <th scope="col" className="num">
                Expected fees
              </th>
              <th scope="col" className="num">
                Fees per hire
              </th>
            </tr>
          </thead>
          <tbody>
            {result.costPerHireByRoute.map((r) => (
              <tr key={r.visaRoute}>
                <td>{routeLabel(r.visaRoute)}</td>
                <td className="num">{r.candidates}</td>
                <td className="num">{formatNumber(r.expectedHires, 1)}</td>
                <td className="num">${formatNumber(r.expectedFeesUsd)}</td>
                <td className="num">{r.costPerHireUsd == null ? '—' : `$${formatNumber(r.costPerHireUsd)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">
        Government fees only, for a {employerKindText}: the H-1B registration, Form I-129 or I-140, ACWIA, fraud prevention and Asylum
        Program fees with their exemptions, premium processing, and the $100,000 fee where the scenario applies it and the employer pays (
        {withPublishers('R1, R2, S15')}); not legal, consular, state or recruitment costs.
      </p>
    </>
  );
}
