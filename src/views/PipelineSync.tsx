import { useEffect } from 'react';
import { syncPipelineTable } from '../data/pipeline-table';
import { useAtlas } from './atlas-context';
import { useWorkspace } from './workspace-context';

/** Keeps DuckDB's pipeline table equal to the workspace's candidates. Renders nothing. */
export function PipelineSync() {
  const { coordinator } = useAtlas();
  const { workspace } = useWorkspace();
  const { candidates } = workspace;
  useEffect(() => {
    let live = true;
    syncPipelineTable(coordinator.engine, candidates).then(() => live && coordinator.dataChanged());
    return () => {
      live = false;
    };
  }, [coordinator, candidates]);
  return null;
}
