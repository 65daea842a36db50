import { nextPlanStep, planSteps, type PlanStep } from '../../app/plan/plan';
import { useLiveForecast } from '../live-forecast-context';
import { useCountyNames } from '../use-county-names';
import { activeServiceArea } from '../../model/service-areas';
import { useWorkspace } from '../workspace-context';
import { SampleDataControl } from './sample-data-control';
import { useSharedReport } from './shared-report';
import { dataUsedText } from '../../app/data/data-used';
import { useAtlas } from '../atlas-context';
import { useKeptUploads } from '../data/kept-uploads-context';

const SCREEN_NAMES: Record<PlanStep['screen'], string> = {
  map: 'Shortage map',
  targets: 'Targets',
  pipeline: 'Pipeline & forecast',
  report: 'Report',
};

/** The plan on every screen: Where → Targets → Pipeline → Forecast → Share, each with its state and where to act. */
export function PlanStrip({ screen }: { screen: string }) {
  const { workspace } = useWorkspace();
  const forecast = useLiveForecast();
  const names = useCountyNames(!!activeServiceArea(workspace)?.counties.length);
  const steps = planSteps(workspace, forecast, names, useSharedReport());
  const next = nextPlanStep(steps);
  const empty = steps.every((s) => s.status === 'todo');
  const { datasets } = useAtlas();
  const kept = useKeptUploads();
  const dataUsed = dataUsedText(
    datasets,
    kept.gone.map((g) => g.name),
    kept.kept.filter((k) => !k.datasetId).map((k) => k.name),
  );
  return (
    <nav className="plan-strip card" aria-label="Your plan" data-testid="plan-strip">
      {empty && (
        <p className="plan-intro">
          Plan international recruitment in five steps: where you recruit, how many hires you need, who is in your pipeline, whether they
          will arrive in time, and a report to share.
        </p>
      )}
      <ol className="plan-steps">
        {steps.map((s, i) => (
          <li key={s.id} className={`plan-step ${s.status}`} data-step={s.id} data-status={s.status}>
            <a href={`#${s.screen}`} aria-current={s.screen === screen && s.id !== 'forecast' ? 'step' : undefined}>
              <span className="plan-step-title">
                <span className="plan-step-mark" aria-hidden="true">
                  {s.status === 'done' ? '✓' : i + 1}
                </span>{' '}
                {s.title}
                <span className="visually-hidden">{s.status === 'done' ? ' (done)' : s.status === 'busy' ? ' (updating)' : ''}:</span>
              </span>
              <span className="plan-step-summary" data-testid={`plan-${s.id}`}>
                {s.summary}
              </span>
            </a>
          </li>
        ))}
      </ol>
      <div className="plan-next">
        <p data-testid="plan-next">
          <strong>Next:</strong> {next.action} {/* The Targets screen builds the service area itself, right below. */}
          {next.id === 'where' && screen === 'targets'
            ? 'Right here, in the Service area card below.'
            : next.screen !== screen && (
                <a href={`#${next.screen}`} data-testid="plan-next-link">
                  Go to {SCREEN_NAMES[next.screen]}
                </a>
              )}
        </p>
        <SampleDataControl />
      </div>
      <p className="plan-data note" data-testid="plan-data">
        {dataUsed}
      </p>
    </nav>
  );
}
