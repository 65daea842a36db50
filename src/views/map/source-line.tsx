import { useAtlas } from '../atlas-context';
import { METRIC_TABLES, METRICS, type Metric } from '../../model/map-view';

/** "Source: …" under a chart, naming the datasets (and their vintages) the figures come from. */
export function SourceLine({ metric }: { metric: Metric }) {
  const { datasets } = useAtlas();
  const tables = METRIC_TABLES[METRICS[metric].kind];
  const used = datasets.filter((d) => tables.includes(d.table) && !d.replacedBy);
  return (
    <p className="source-line">
      Source:{' '}
      {used.map((d, i) => (
        <span key={d.id}>
          {i > 0 && '; '}
          {d.publisher}, {d.vintage}
          {d.license.startsWith('CC ') ? ` (licence ${d.license.split(' (')[0]})` : ''}
          {d.coverage && d.table === 'hpsa' && d.origin === 'embedded' ? ' (county detail for California only)' : ''}
          {d.estimate && <span className="badge estimate">estimate</span>}
          {d.sample && <span className="badge sample">sample</span>}
        </span>
      ))}
      . Shapes: US Census Bureau cartographic boundaries (us-atlas).
    </p>
  );
}
