import { useMemo, useState } from 'react';
import { TARGET_CHARTS, targetArrivalsFigure, totalArrivalsFigure } from '../../app/figures';
import { forecastKey, forecastWorkspace, type WorkspaceForecast } from '../../app/forecast';
import { targetLabelById } from '../../app/labels';
import { stateRegionMap } from '../../app/regions';
import { arrivalsChart } from '../../charts/arrivals';
import { stateRegions } from '../../data/queries/pipeline';
import { FORECAST_SETTINGS } from '../../model/forecast/settings';
import type { Workspace } from '../../model/workspace';
import { useClock } from '../clock-context';
import { PlotHost } from '../plot-host';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';
import { FeeScenarioSwitch } from './assumptions-panel';
import { ArrivalsTable, CostTable, ForecastTable, pct } from './forecast-tables';

/** One small chart per target (the first TARGET_CHARTS), each against its hires and due date. */
function TargetCharts({ forecast, label }: { forecast: WorkspaceForecast; label: (id: string) => string }) {
  const { result } = forecast;
  return (
    <>
      <h3>Each target over time</h3>
      <div className="small-multiples" data-testid="target-charts">
        {result.targets.slice(0, TARGET_CHARTS).map((f) => {
          const figure = targetArrivalsFigure(result, f, label(f.targetId));
          return (
            <figure key={f.targetId} className="small-multiple">
              <figcaption>
                {label(f.targetId)}: {f.hires} by {f.dueDate} · P(met) {pct(f.probabilityMet)}
              </figcaption>
              <PlotHost make={() => arrivalsChart(figure.rows, figure.options)} deps={[result, f.targetId]} />
            </figure>
          );
        })}
      </div>
      <p className="note">
        Each chart: the target’s matching candidates; dashed horizontal line: hires wanted; dotted vertical line: the due date. The numbers
        are in the table above.
      </p>
    </>
  );
}

function ForecastResults({ forecast, workspace }: { forecast: WorkspaceForecast; workspace: Workspace }) {
  const label = (id: string) => targetLabelById(id, workspace.targets, workspace.serviceAreas);
  const total = totalArrivalsFigure(forecast.result, workspace.targets);
  return (
    <>
      <PlotHost make={() => arrivalsChart(total.rows, total.options)} deps={[forecast.result]} />
      <p className="note">Line: expected cumulative arrivals; band: 10th–90th percentile; dashed: all targets’ hires combined.</p>
      <ArrivalsTable result={forecast.result} label={label} />
      <ForecastTable forecast={forecast} label={label} />
      <TargetCharts forecast={forecast} label={label} />
      <CostTable result={forecast.result} />
    </>
  );
}

/** Runs the forecast of the workspace (the report runs the same) and shows its result. */
export function ForecastCard() {
  const { workspace } = useWorkspace();
  const clock = useClock();
  const regions = useQuery(useMemo(stateRegions, [])).rows;
  const [state, setState] = useState<{ forecast?: WorkspaceForecast; error?: string; running?: boolean }>({});
  async function run() {
    setState({ running: true });
    try {
      setState({ forecast: await forecastWorkspace(workspace, stateRegionMap(regions), clock.today()) });
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  }
  const { forecast } = state;
  const stale = forecast && forecast.key !== forecastKey(workspace);
  return (
    <section className="card" aria-labelledby="forecast-title" data-testid="forecast">
      <div className="card-head">
        <h2 id="forecast-title">Forecast against the targets</h2>
        <button type="button" onClick={() => void run()} disabled={state.running} data-testid="forecast-run">
          {state.running ? 'Simulating…' : forecast ? 'Run again' : 'Run the forecast'}
        </button>
      </div>
      <p className="note">
        {FORECAST_SETTINGS.runs.toLocaleString('en-US')} simulated futures (seed {FORECAST_SETTINGS.seed}) of every candidate’s remaining
        steps — licensure, credentialing, the H-1B lottery and calendar, Conrad 30 slots per state and fiscal year — with the default
        assumptions (sources in the model). {stale && <strong>The pipeline or targets changed since this run.</strong>}
      </p>
      <FeeScenarioSwitch />
      {state.error && <p className="msg error">{state.error}</p>}
      {forecast && <ForecastResults forecast={forecast} workspace={workspace} />}
    </section>
  );
}
