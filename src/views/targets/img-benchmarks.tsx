import { useMemo } from 'react';
import { areaStates, workforceQueries } from '../../app/targets/area-figures';
import { activeServiceArea } from '../../model/service-areas';
import { imgBenchmark } from '../../model/workforce-context';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';

/** The published IMG share of the service area's states: the benchmark beside an IMG-share target. */
export function ImgBenchmarks() {
  const { workspace } = useWorkspace();
  const area = activeServiceArea(workspace);
  const key = area ? areaStates(area).join(',') : '';
  const q = useMemo(() => (key ? workforceQueries(key.split(',')).workforce : null), [key]);
  const rows = useQuery(q).rows ?? [];
  if (!area || !rows.length) return null;
  return (
    <p className="note benchmark" data-testid="img-benchmark">
      Benchmark for {area.name}: {rows.map((r) => imgBenchmark(r)).join('; ')}.
    </p>
  );
}
