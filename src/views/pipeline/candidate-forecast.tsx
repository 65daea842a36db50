import { candidateForecastCells, candidateForecastColumns } from '../../app/pipeline/candidate-forecast-table';
import type { WorkspaceForecast } from '../../app/pipeline/forecast';
import { isSampleCandidate } from '../../model/pipeline';
import type { Workspace } from '../../model/workspace';
import { downloadCsv } from '../download';
import { useCountyNames } from '../use-county-names';

const SHOWN = 500;

/** Each candidate's forecast: where they are, when they arrive, their chance per target, what holds them up. */
export function CandidateForecast({ forecast, workspace }: { forecast: WorkspaceForecast; workspace: Workspace }) {
  const { result } = forecast;
  const names = useCountyNames();
  const columns = candidateForecastColumns(result, workspace.targets, workspace.serviceAreas, names);
  const rows = result.candidates.map((c, i) => ({
    c,
    sample: isSampleCandidate(workspace.candidates[i]),
    cells: candidateForecastCells(c, result),
  }));
  const exportCsv = () =>
    downloadCsv(
      'candidate-forecast.csv',
      columns,
      rows.map((r) => r.cells),
    );
  return (
    <>
      <div className="card-head">
        <h3 id="candidate-forecast-title">Each candidate</h3>
        <button type="button" className="secondary" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <p className="note">
        Months of arrival over the {result.runs.toLocaleString('en-US')} simulated futures: the median and the 10th–90th percentile;
        “delayed most by” is the step that most often finished last. Waiver hires owe 3 years at the site from their start.
      </p>
      <div className="table-wide" tabIndex={0} role="region" aria-labelledby="candidate-forecast-title">
        <table data-testid="candidate-forecast" className="candidate-forecast">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map(({ c, sample, cells }) => (
              <tr key={c.candidateId} data-candidate={c.candidateId}>
                <td>
                  {cells[0]}
                  {sample && <span className="badge sample">sample</span>}
                </td>
                {cells.slice(1).map((cell, k) => (
                  <td key={k} data-col={columns[k + 1]}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && (
        <p className="note">
          The first {SHOWN} of {rows.length} candidates; the CSV has them all.
        </p>
      )}
    </>
  );
}
