import { useEffect, useRef } from 'react';
import { PIPELINE_TABLE, syncPipelineTable } from '../data/tables/pipeline';
import { useAtlas } from './atlas-context';
import { useWorkspace } from './workspace-context';

/**
 * Keeps the pipeline the views query equal to the workspace's candidates: DuckDB's table, and the
 * summaries the coordinator computes from it. Renders nothing. It waits for the engine rather than
 * starting it: the engine starts once the first screen is drawn (boot.ts).
 */
export function PipelineSync() {
  const { coordinator, engine } = useAtlas();
  const { workspace } = useWorkspace();
  const { candidates } = workspace;
  // Boot creates the table empty: an empty workspace needs no sync. A sync re-runs only the views of the pipeline table.
  const tableHasRows = useRef(false);
  useEffect(() => {
    if (engine !== 'ready' || (!candidates.length && !tableHasRows.current)) return;
    tableHasRows.current = candidates.length > 0;
    let live = true;
    syncPipelineTable(coordinator.engine, candidates).then(
      () => (live ? coordinator.dataChanged([PIPELINE_TABLE]) : undefined),
      (e: unknown) => console.error('The pipeline table could not be updated', e),
    );
    return () => {
      live = false;
    };
  }, [coordinator, engine, candidates]);
  return null;
}
