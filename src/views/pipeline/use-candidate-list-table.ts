import { useEffect, useState } from 'react';
import { candidateListRecords, syncCandidateList } from '../../app/pipeline/candidate-list';
import type { ForecastResult } from '../../model/forecast/result';
import { useAtlas } from '../atlas-context';
import { useCountyNames } from '../use-county-names';
import { useWorkspace } from '../workspace-context';

/**
 * Keeps DuckDB's candidate_list table equal to the candidates and the forecast shown (perhaps an
 * earlier one, while a new one runs); true once it has been written, so the list can query it.
 */
export function useCandidateListTable(result: ForecastResult | null): boolean {
  const { coordinator } = useAtlas();
  const { candidates } = useWorkspace().workspace;
  const names = useCountyNames();
  const [written, setWritten] = useState(false);
  useEffect(() => {
    let live = true;
    syncCandidateList(coordinator, candidateListRecords(candidates, result, names)).then(
      () => live && setWritten(true),
      (e: unknown) => console.error('The candidate list could not be updated', e),
    );
    return () => {
      live = false;
    };
  }, [coordinator, candidates, result, names]);
  return written;
}
