import type { TimelineFigure } from '../../app/pipeline/candidate-timeline';
import { timelineChart } from '../../charts/timeline';
import { FittedPlot } from '../plot-host';

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The candidate's timeline drawn to the width it has, its legend, and a table with the same dates. */
export function CandidateTimeline({ figure }: { figure: TimelineFigure }) {
  return (
    <figure className="timeline" data-testid="candidate-timeline-figure">
      <div className="timeline-host">
        <FittedPlot
          make={(width) => {
            const chart = timelineChart(figure.steps, figure.dates, { title: figure.title, now: figure.now, width });
            chart.setAttribute('data-testid', 'candidate-timeline');
            return chart;
          }}
          deps={[figure]}
          maxWidth={720}
        />
      </div>
      <figcaption className="note">{figure.legend}</figcaption>
      <div className="table-wide" tabIndex={0} role="region" aria-label="The timeline’s dates">
        <table className="timeline-table" data-testid="candidate-timeline-table">
          <caption>When each remaining step finishes</caption>
          <thead>
            <tr>
              <th scope="col">Remaining step</th>
              <th scope="col">10th percentile</th>
              <th scope="col">Median</th>
              <th scope="col">90th percentile</th>
              <th scope="col" className="num">
                Happens in
              </th>
            </tr>
          </thead>
          <tbody>
            {figure.table.steps.map((s, i) => (
              <tr key={`s${i}`} data-step={i} className={s.highlight ? 'delays-most' : undefined}>
                <th scope="row">
                  {s.highlight && <span aria-hidden="true">★ </span>}
                  {s.label}
                  {s.highlight && <span className="visually-hidden"> (the step that delays this candidate most)</span>}
                </th>
                <td className="nowrap">{s.p10}</td>
                <td className="nowrap">{s.p50}</td>
                <td className="nowrap">{s.p90}</td>
                <td className="num">{pct(s.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {figure.table.dates.length > 0 && (
          <table className="timeline-table" data-testid="candidate-dates-table">
            <caption>Fixed dates</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {figure.table.dates.map((d, i) => (
                <tr key={i}>
                  <td className="nowrap">{d.date}</td>
                  <td>{d.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </figure>
  );
}
