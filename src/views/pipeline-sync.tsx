import { useEffect, useRef } from 'react';
import { PIPELINE_TABLE, pipelineCounts, syncPipelineTable } from '../data/pipeline-table';
import { useAtlas } from './atlas-context';
import { useWorkspace } from './workspace-context';

/**
 * Keeps the pipeline the views query equal to the workspace's candidates: the map's counts at once
 * (in the local index), DuckDB's table when the engine has it. Renders nothing.
 */
export function PipelineSync() {
  const { coordinator } = useAtlas();
  const { workspace } = useWorkspace();
  const { candidates } = workspace;
  // Boot creates the table empty: an empty workspace needs no sync. A sync re-runs only the views of the pipeline table.
  const tableHasRows = useRef(false);
  useEffect(() => {
    if (!candidates.length && !tableHasRows.current) return;
    tableHasRows.current = candidates.length > 0;
    coordinator.localChanged({ pipeline_counts: pipelineCounts(candidates) });
    let live = true;
    syncPipelineTable(coordinator.engine, candidates).then(
      () => (live ? coordinator.dataChanged([PIPELINE_TABLE]) : undefined),
      (e: unknown) => console.error('The pipeline table could not be updated', e),
    );
    return () => {
      live = false;
    };
  }, [coordinator, candidates]);
  return null;
}
