import { ACTION_COLUMNS, actionCells } from '../../app/pipeline/import-candidates';
import { pipelineActions } from '../../app/pipeline/forecast';
import { isSampleCandidate } from '../../model/pipeline';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { useClock } from '../clock-context';
import { downloadCsv } from '../download';
import { useCountyNames } from '../use-county-names';
import { useSiteDesignations } from '../use-site-designations';
import { useWorkspace } from '../workspace-context';
import { ActionDate } from './action-date';

const BADGE = { eligible: 'upload', check: 'warn', flex: 'warn', 'not-eligible': 'error' } as const;

/** Every candidate still in the pipeline with the next thing to do and its date, read from the forecast's rules. */
export function NextActions() {
  const { workspace } = useWorkspace();
  const today = useClock().today();
  const names = useCountyNames();
  const { sites } = useSiteDesignations(workspace.candidates);
  const actions = pipelineActions(workspace.candidates, currentAssumptions(workspace.assumptions), today, sites);
  const rows = actions.map((a) => ({ ...a, cells: actionCells(a.candidate, a.next, a.site, names) }));
  const exportCsv = () =>
    downloadCsv(
      'next-actions.csv',
      [...ACTION_COLUMNS],
      rows.map((r) => r.cells),
    );
  return (
    <section className="card" aria-labelledby="actions-title">
      <div className="card-head">
        <h2 id="actions-title">Next actions</h2>
        <button type="button" className="secondary" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="actions-title">
        <table data-testid="actions-table">
          <thead>
            <tr>
              {ACTION_COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 500).map(({ candidate: c, next, site, cells }) => (
              <tr key={c.id} data-candidate={c.id}>
                <td>
                  {c.id}
                  {isSampleCandidate(c) && <span className="badge sample">sample</span>}
                </td>
                {cells.slice(1, 5).map((cell, k) => (
                  <td key={k}>{cell}</td>
                ))}
                <td data-col="waiver-site">
                  {site && <span className={`badge ${BADGE[site.status]}`}>{site.status}</span>} {site?.sentence ?? cells[5]}
                </td>
                <td data-col="action">{next.action}</td>
                <td>
                  <ActionDate date={next.date} /> {next.dateKind && <span className="id">({next.dateKind})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
