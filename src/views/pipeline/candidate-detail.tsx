import { useEffect, useRef } from 'react';
import { candidateAsRead } from '../../app/pipeline/candidate-record';
import { timelineFigure } from '../../app/pipeline/candidate-timeline';
import { shownForecast } from '../../app/pipeline/live-forecast-state';
import { targetLabelById } from '../../app/common/labels';
import { siteLabel } from '../../app/common/county-names';
import { isSampleCandidate } from '../../model/pipeline';
import { routeName, stageName } from '../../model/names';
import { specialtyLabel } from '../../model/specialties';
import { routeFees } from '../../model/timing/fees';
import { currentStepText } from '../../model/timing/next-action';
import { effectiveRouteOf } from '../../model/timing/routes';
import { ROUTES } from '../../model/timing/visa-routes';
import type { Candidate } from '../../model/types';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { formatNumber } from '../../model/format';
import { useLiveForecast } from '../live-forecast-context';
import { useCountyNames } from '../use-county-names';
import { useWorkspace } from '../workspace-context';
import { ActionDate } from './action-date';
import { CandidateTimeline } from './candidate-timeline';
import { LIST_HREF } from './candidate-route';
import { withPublishers } from '../../model/timing/sources';

const pct = (p: number) => `${Math.round(p * 100)}%`;
const SITE_BADGE = { eligible: 'upload', check: 'warn', flex: 'warn', 'not-eligible': 'error' } as const;

/** The government fees of the candidate's route for the employer as set (the forecast's own table of fees). */
function Fees({ candidate }: { candidate: Candidate }) {
  const { workspace } = useWorkspace();
  const assumptions = currentAssumptions(workspace.assumptions);
  const fees = routeFees(effectiveRouteOf(candidate), assumptions);
  if (!fees.known) return <p>No fee figures are recorded for {routeName(fees.visaRoute)}.</p>;
  if (!fees.items.length) return <p>No government fees for {routeName(fees.visaRoute)}.</p>;
  return (
    <>
      <table className="compact" data-testid="candidate-fees">
        <tbody>
          {fees.items.map((item) => (
            <tr key={item.label}>
              <th scope="row">{item.label}</th>
              <td className="num">${formatNumber(item.amountUsd)}</td>
              <td>{item.per === 'lottery entry' ? 'per lottery entry' : 'per petition'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {fees.h1bFeeCanApply && (
        <p className="note">
          A new H-1B petition for someone outside the US may also owe the $100,000 fee, as the fee scenario above sets it; a change of
          status inside the US does not.
        </p>
      )}
    </>
  );
}

/**
 * One candidate, at their own address: where they stand, the next action, their timeline, the waiver
 * site and fees, and the record as it was read; edit, duplicate or delete it here.
 */
export function CandidateDetail({
  id,
  onEdit,
  onDuplicate,
  onDelete,
}: {
  id: string;
  onEdit: (c: Candidate) => void;
  onDuplicate: (c: Candidate) => void;
  onDelete: (c: Candidate) => void;
}) {
  const { workspace } = useWorkspace();
  const names = useCountyNames();
  const state = useLiveForecast();
  const heading = useRef<HTMLHeadingElement>(null);
  // Choosing a candidate moves the reader to them.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [id]);
  const candidate = workspace.candidates.find((c) => c.id === id);
  if (!candidate) {
    return (
      <section className="card candidate-detail" aria-labelledby="candidate-title" data-testid="candidate-detail">
        <h2 id="candidate-title" tabIndex={-1} ref={heading}>
          No candidate “{id}”
        </h2>
        <p>
          This workspace has no candidate with that id (it may have been deleted or renamed). <a href={LIST_HREF}>Back to all candidates</a>
        </p>
      </section>
    );
  }
  const shown = shownForecast(state);
  const forecast = shown?.result.candidates.find((c) => c.candidateId === id);
  const stale = state.kind !== 'current';
  const label = (targetId: string) => targetLabelById(targetId, workspace.targets, workspace.serviceAreas, names);
  const figure = forecast && shown ? timelineFigure(forecast, shown.result.now, label) : null;
  const waiver = ROUTES[candidate.visaRoute].waiver;
  return (
    <section
      className="card candidate-detail"
      aria-labelledby="candidate-title"
      data-testid="candidate-detail"
      data-candidate={candidate.id}
      aria-busy={stale}
    >
      <div className="card-head">
        <h2 id="candidate-title" tabIndex={-1} ref={heading}>
          Candidate {candidate.id}
          {isSampleCandidate(candidate) && <span className="badge sample">sample</span>}
        </h2>
        <div className="button-row">
          <button type="button" onClick={() => onEdit(candidate)} data-testid="candidate-edit">
            Edit
          </button>
          <button type="button" className="secondary" onClick={() => onDuplicate(candidate)} data-testid="candidate-duplicate">
            Duplicate
          </button>
          <button type="button" className="secondary" onClick={() => onDelete(candidate)} data-testid="candidate-delete">
            Delete
          </button>
          <a href={LIST_HREF}>Back to all candidates</a>
        </div>
      </div>
      <p className="candidate-line">
        {specialtyLabel(candidate.specialty)} · {stageName(candidate.stage)} · {routeName(candidate.visaRoute)} ·{' '}
        {siteLabel(candidate, names)}
      </p>
      {stale && (
        <p className="note" role="status">
          {forecast
            ? 'The forecast is updating: the figures below are the last run’s.'
            : 'The forecast is running: the figures appear when it ends.'}
        </p>
      )}
      <dl className="facts">
        <dt>Where they are</dt>
        <dd>{forecast?.currentStep ?? currentStepText(candidate)}</dd>
        {forecast && (
          <>
            <dt>Where they stand</dt>
            <dd data-testid="candidate-standing">
              {forecast.standing.summary}
              {forecast.flags.length > 0 && (
                <ul>
                  {forecast.flags.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Next action</dt>
            <dd data-testid="candidate-next-action">
              {withPublishers(forecast.nextAction.action)}
              {forecast.nextAction.date && (
                <>
                  {' '}
                  <strong>
                    <ActionDate date={forecast.nextAction.date} />
                  </strong>{' '}
                  {forecast.nextAction.dateKind && <span className="id">({forecast.nextAction.dateKind})</span>}
                </>
              )}
            </dd>
            <dt>Arrival</dt>
            <dd data-testid="candidate-arrival">
              {forecast.arrivalMedian
                ? `Median ${forecast.arrivalMedian}; 10th–90th percentile ${forecast.arrivalP10 ?? 'later'} – ${forecast.arrivalP90 ?? `after ${shown!.result.months.at(-1)}`}; ${pct(forecast.arrivalProbability)} likely within the forecast’s ${shown!.result.months.length} months.`
                : `${pct(forecast.arrivalProbability)} likely within the forecast’s ${shown!.result.months.length} months.`}
              {forecast.byTarget.length > 0 && (
                <ul>
                  {forecast.byTarget.map((t) => (
                    <li key={t.targetId}>
                      {pct(t.probability)} by {t.dueDate}, the due date of {label(t.targetId)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
      </dl>
      <h3>Timeline</h3>
      {figure ? (
        <CandidateTimeline figure={figure} />
      ) : (
        <p className="note">
          {forecast
            ? 'No steps remain: the candidate has arrived, withdrawn or cannot come on this route.'
            : 'The timeline appears once the forecast has run.'}
        </p>
      )}
      {waiver && (
        <>
          <h3>Waiver site</h3>
          <p data-testid="candidate-waiver-site">
            {forecast?.waiverSite ? (
              <>
                <span className={`badge ${SITE_BADGE[forecast.waiverSite.status]}`}>{forecast.waiverSite.status}</span>{' '}
                {forecast.waiverSite.sentence}
              </>
            ) : (
              'Not checked: no shortage-designation data is loaded for the site’s county.'
            )}
          </p>
        </>
      )}
      <h3>Government fees</h3>
      <Fees candidate={candidate} />
      <details className="as-read" data-testid="candidate-record">
        <summary>The record as read (the template’s columns)</summary>
        <table className="compact">
          <tbody>
            {candidateAsRead(candidate, names).map((r) => (
              <tr key={r.column}>
                <th scope="row">
                  <code>{r.column}</code>
                </th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
