import { useWorkspace } from '../workspace-context';
import { DiversityTargets } from '../targets/diversity-targets';
import { AssumptionsPanel } from './assumptions-panel';
import { ForecastCard } from './forecast-card';
import { FunnelCard } from './funnel-card';
import { NextActions } from './next-actions';
import { PipelineImport } from './pipeline-import';

export function PipelineScreen() {
  const { candidates } = useWorkspace().workspace;
  return (
    <div className="pipeline-screen">
      <PipelineImport />
      {candidates.length > 0 && (
        <>
          <FunnelCard candidates={candidates} />
          <ForecastCard />
          <DiversityTargets editable={false} />
          <AssumptionsPanel />
          <NextActions />
        </>
      )}
    </div>
  );
}
