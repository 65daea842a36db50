import { useState } from 'react';
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
import { candidateHref } from './candidate-route';
import { withPublishers } from '../../model/timing/sources';
import { TABLE_WORD } from '../table-word';

const SHOWN = 10;

/**
 * What to do next for each candidate still in the pipeline, read from the forecast's rules: the
 * soonest dates first, a few at a time (each candidate's page has the rest: the waiver site, the
 * timeline); the CSV has every candidate with every column.
 */
export function NextActions() {
  const { workspace } = useWorkspace();
  const today = useClock().today();
  const names = useCountyNames();
  const { sites } = useSiteDesignations(workspace.candidates);
  const [shown, setShown] = useState(SHOWN);
  const actions = pipelineActions(workspace.candidates, currentAssumptions(workspace.assumptions), today, sites);
  const soonest = [...actions].sort((a, b) => (a.next.date ?? '9999').localeCompare(b.next.date ?? '9999'));
  const exportCsv = () =>
    downloadCsv(
      'next-actions.csv',
      [...ACTION_COLUMNS],
      actions.map((a) => actionCells(a.candidate, a.next, a.site, names)),
    );
  return (
    <section className="card" aria-labelledby="actions-title">
      <div className="card-head">
        <h2 id="actions-title">Next actions, soonest first</h2>
        <button type="button" className="secondary" onClick={exportCsv} data-testid="actions-export">
          Export CSV
        </button>
      </div>
      <div className="table-wide" tabIndex={0} role="region" aria-labelledby={`actions-title ${TABLE_WORD}`}>
        <table data-testid="actions-table">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Next action</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {soonest.slice(0, shown).map(({ candidate: c, next }) => (
              <tr key={c.id} data-candidate={c.id}>
                <th scope="row">
                  <a href={candidateHref(c.id)}>{c.id}</a>
                  {isSampleCandidate(c) && <span className="badge sample">sample</span>}
                </th>
                <td data-col="action">{withPublishers(next.action)}</td>
                <td className="nowrap">
                  <ActionDate date={next.date} /> {next.dateKind && <span className="id">({next.dateKind})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">
        {Math.min(shown, soonest.length)} of {soonest.length} candidates in progress.{' '}
        {shown < soonest.length && (
          <button type="button" className="link" onClick={() => setShown(shown + SHOWN)} data-testid="actions-more">
            Show {Math.min(SHOWN, soonest.length - shown)} more
          </button>
        )}
      </p>
    </section>
  );
}
