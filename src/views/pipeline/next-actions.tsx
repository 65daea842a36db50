import { useMemo } from 'react';
import { needsWaiverCheck, pipelineActionsTable } from '../../app/pipeline';
import { pipelineActions } from '../../app/forecast';
import { shortageCounties } from '../../data/queries/pipeline';
import { isSampleCandidate } from '../../model/pipeline';
import { specialtyLabel } from '../../model/specialties';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { useClock } from '../clock-context';
import { downloadCsv } from '../download';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';
import { ActionDate } from './action-date';
import { siteLabel } from '../../app/county-names';
import { useCountyNames } from '../use-county-names';

/** Every candidate still in the pipeline with the next thing to do and its date. */
export function NextActions() {
  const { workspace } = useWorkspace();
  const today = useClock().today();
  const names = useCountyNames();
  const shortage = useQuery(useMemo(shortageCounties, [])).rows;
  const shortageSet = useMemo(() => new Set((shortage ?? []).map((r) => r.county_fips)), [shortage]);
  const actions = pipelineActions(workspace.candidates, currentAssumptions(workspace.assumptions), today);
  const exportCsv = () => {
    const table = pipelineActionsTable(actions, shortageSet);
    downloadCsv('next-actions.csv', table.columns, table.rows);
  };
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
              <th scope="col">Candidate</th>
              <th scope="col">Specialty</th>
              <th scope="col">Stage</th>
              <th scope="col">Visa route</th>
              <th scope="col">Site</th>
              <th scope="col">Next action</th>
              <th scope="col">Date</th>
            </tr>
          </thead>
          <tbody>
            {actions.slice(0, 500).map(({ candidate: c, next }) => (
              <tr key={c.id}>
                <td>
                  {c.id}
                  {isSampleCandidate(c) && <span className="badge sample">sample</span>}
                </td>
                <td>{specialtyLabel(c.specialty)}</td>
                <td>{c.stage}</td>
                <td>{c.visaRoute}</td>
                <td>
                  {siteLabel(c, names)}
                  {needsWaiverCheck(c, shortageSet) && (
                    <span
                      className="badge warn"
                      title="No current HPSA designation in this county in the loaded data: the site may need a flex slot or an MUA/MUP designation"
                    >
                      check waiver eligibility
                    </span>
                  )}
                </td>
                <td>{next.action}</td>
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
