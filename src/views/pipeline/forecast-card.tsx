import { totalArrivalsFigure } from '../../app/pipeline/figures';
import type { WorkspaceForecast } from '../../app/pipeline/forecast';
import { targetLabelById } from '../../app/common/labels';
import { arrivalsChart } from '../../charts/arrivals';
import { FORECAST_SETTINGS } from '../../model/forecast/settings';
import { ASSUMPTION_META, RULES_AS_OF } from '../../model/timing/assumptions';
import { currentAssumptions } from '../../model/workspace-assumptions';
import type { Workspace } from '../../model/workspace';
import { FittedPlot } from '../plot-host';
import { useLiveForecast } from '../live-forecast-context';
import { shownForecast } from '../../app/pipeline/live-forecast-state';
import { useCountyNames } from '../use-county-names';
import { ForecastProgress } from './forecast-progress';
import { useWorkspace } from '../workspace-context';
import { FeeScenarioSwitch } from './fee-scenario';
import { ArrivalsTable, CostTable, ForecastTable } from './forecast-tables';

const employerKindText = (ws: Workspace) => ASSUMPTION_META.employerKind.optionLabels[currentAssumptions(ws.assumptions).employerKind];

function ForecastResults({ forecast, workspace }: { forecast: WorkspaceForecast; workspace: Workspace }) {
  const names = useCountyNames();
  const label = (id: string) => targetLabelById(id, workspace.targets, workspace.serviceAreas, names);
  const total = totalArrivalsFigure(forecast.result, workspace.targets);
  const targeted = forecast.result.targets.length > 0;
  return (
    <>
      <FittedPlot make={(width) => arrivalsChart(total.rows, { ...total.options, width })} deps={[forecast.result]} maxWidth={640} />
      <p className="note">
        Line: expected cumulative arrivals; band: 10th–90th percentile{targeted ? '; dashed: all targets’ hires combined' : ''}.
      </p>
      <ArrivalsTable result={forecast.result} label={label} />
      {targeted ? (
        <>
          <ForecastTable forecast={forecast} label={label} />
          <p className="note">
            Each target’s chart: its matching candidates’ expected cumulative arrivals with the 10th–90th percentile band; dashed line:
            hires wanted; dotted line: the due date.
          </p>
        </>
      ) : (
        <p className="empty-state" data-testid="forecast-no-targets">
          Each candidate’s arrival is forecast in the list below. Set a target — how many hires of which specialty, where and by when — to
          see the chance of meeting it and what to add.{' '}
          <a className="button" href="#targets">
            Set a target
          </a>
        </p>
      )}
      <CostTable result={forecast.result} employerKindText={employerKindText(workspace)} />
    </>
  );
}

/** What to do before there is anything to forecast, with the link that does it. */
function ForecastWaiting() {
  return (
    <p className="empty-state" data-testid="forecast-waiting">
      The forecast needs candidates: import your pipeline above, or try the sample.
    </p>
  );
}

/** The forecast of the workspace, kept current by itself (the report prints the same); an out-of-date result is marked. */
export function ForecastCard() {
  const { workspace } = useWorkspace();
  const state = useLiveForecast();
  const shown = shownForecast(state);
  const stale = state.kind === 'updating';
  return (
    <section className="card" aria-labelledby="forecast-title" data-testid="forecast" data-forecast-state={state.kind} aria-busy={stale}>
      <h2 id="forecast-title">Forecast against the targets</h2>
      <p className="note">
        {FORECAST_SETTINGS.runs.toLocaleString('en-US')} simulated futures (seed {FORECAST_SETTINGS.seed}) of every candidate’s remaining
        steps from where each one is — training, licensure and credentialing, the visa process at its recorded status (the H-1B lottery and
        its Oct 1 start, J-1 waivers by their site rules and slots, green cards), the day each is free — with the assumptions below, under
        the rules as of {RULES_AS_OF}. It reruns by itself when the targets, the candidates or the assumptions change.
      </p>
      <FeeScenarioSwitch />
      <ForecastProgress state={state} />
      {state.kind === 'waiting' && <ForecastWaiting />}
      {state.kind === 'failed' && (
        <p className="msg error" role="alert">
          The forecast could not run: {state.message}
        </p>
      )}
      {shown && (
        <div className={stale ? 'stale' : undefined} data-testid="forecast-results" data-stale={stale}>
          <ForecastResults forecast={shown} workspace={workspace} />
        </div>
      )}
    </section>
  );
}
