import { funnelFigure } from '../../app/pipeline/figures';
import { funnelChart } from '../../charts/funnel';
import type { Candidate } from '../../model/types';
import { FittedPlot } from '../plot-host';

/** Candidates by stage: the chart and its table. */
export function FunnelCard({ candidates }: { candidates: readonly Candidate[] }) {
  const funnel = funnelFigure(candidates);
  return (
    <section className="card" aria-labelledby="funnel-title" data-testid="pipeline-funnel">
      <h2 id="funnel-title">Pipeline by stage</h2>
      <FittedPlot
        make={(width) => funnelChart(funnel.rows, { ...funnel.options, width })}
        deps={[JSON.stringify(funnel.rows)]}
        maxWidth={640}
      />
      <div className="table-wide" tabIndex={0} role="region" aria-label="Candidates by stage">
        <table data-testid="funnel-table">
          <thead>
            <tr>
              {funnel.rows.map((f) => (
                <th key={f.stage} scope="col" className="num">
                  {f.stage}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {funnel.rows.map((f) => (
                <td key={f.stage} className="num" data-stage={f.stage}>
                  {f.count}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
