import { useState } from 'react';
import { CANDIDATE_FORECAST_COLUMNS, candidateForecastRows } from '../../app/pipeline/candidate-forecast-table';
import {
  blankCandidateForm,
  duplicateForm,
  restoreCandidate,
  withCandidate,
  withoutCandidate,
  type Removed,
} from '../../app/pipeline/candidate-form';
import { shownForecast } from '../../app/pipeline/live-forecast-state';
import { candidateRow, type RowProblem } from '../../model/pipeline';
import type { Candidate } from '../../model/types';
import { useClock } from '../clock-context';
import { downloadCsv } from '../download';
import { useLiveForecast } from '../live-forecast-context';
import { DiversityTargets } from '../targets/diversity-targets';
import { useCountyNames } from '../use-county-names';
import { useWorkspace } from '../workspace-context';
import { AssumptionsPanel } from './assumptions-panel';
import { CandidateDetail } from './candidate-detail';
import { CandidateForm, type FormMode } from './candidate-form';
import { CandidateList } from './candidate-list';
import { showCandidate, useChosenCandidate } from './candidate-route';
import { ForecastCard } from './forecast-card';
import { FunnelCard } from './funnel-card';
import { NextActions } from './next-actions';
import { PipelineImport } from './pipeline-import';
import { useCandidateListTable } from './use-candidate-list-table';
import { withPublishers } from '../../model/timing/sources';

type Notice =
  { kind: 'saved'; id: string; warnings: RowProblem[] } | { kind: 'deleted'; removed: Removed } | { kind: 'text'; text: string };

function NoticeBar({ notice, onUndo, onClose }: { notice: Notice; onUndo: (r: Removed) => void; onClose: () => void }) {
  return (
    <div className={notice.kind === 'text' ? 'msg error' : 'msg ok'} role="status" data-testid="candidate-notice">
      {notice.kind === 'saved' && (
        <>
          <p>Saved candidate {notice.id}; the forecast updates by itself.</p>
          {notice.warnings.length > 0 && (
            <>
              <p>Saved, with something to check against the rules:</p>
              <ul>
                {notice.warnings.map((w, i) => (
                  <li key={i}>
                    {w.column}: {withPublishers(w.message)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {notice.kind === 'deleted' && (
        <p>
          Deleted candidate {notice.removed.candidate.id}.{' '}
          <button type="button" onClick={() => onUndo(notice.removed)} data-testid="candidate-undo">
            Undo
          </button>
        </p>
      )}
      {notice.kind === 'text' && <p>{notice.text}</p>}
      <button type="button" className="link" onClick={onClose}>
        Dismiss
      </button>
    </div>
  );
}

export function PipelineScreen() {
  const { workspace, update } = useWorkspace();
  const { candidates } = workspace;
  const today = useClock().today();
  const names = useCountyNames();
  const state = useLiveForecast();
  const shown = shownForecast(state);
  const listReady = useCandidateListTable(shown?.result ?? null);
  const chosen = useChosenCandidate();
  const [form, setForm] = useState<FormMode | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const saved = (candidate: Candidate, warnings: RowProblem[], editing: string | null) => {
    update((ws) => ({ ...ws, candidates: withCandidate(ws.candidates, candidate, editing) }));
    setForm(null);
    setNotice({ kind: 'saved', id: candidate.id, warnings });
    showCandidate(candidate.id);
  };
  const remove = (c: Candidate) => {
    const { removed } = withoutCandidate(candidates, c.id);
    update((ws) => ({ ...ws, candidates: withoutCandidate(ws.candidates, c.id).candidates }));
    if (removed) setNotice({ kind: 'deleted', removed });
    showCandidate(null);
  };
  const undo = (removed: Removed) => {
    const back = restoreCandidate(candidates, removed);
    if (!back) {
      setNotice({ kind: 'text', text: `Not undone: a candidate ${removed.candidate.id} was saved since; it is kept as it is.` });
      return;
    }
    update((ws) => ({ ...ws, candidates: restoreCandidate(ws.candidates, removed) ?? ws.candidates }));
    setNotice(null);
    showCandidate(removed.candidate.id);
  };
  const exportCsv = () =>
    shown &&
    downloadCsv(
      'candidate-forecast.csv',
      [...CANDIDATE_FORECAST_COLUMNS],
      candidateForecastRows(shown.result, candidates, { targets: workspace.targets, serviceAreas: workspace.serviceAreas, names }),
    );

  return (
    <div className="pipeline-screen">
      <PipelineImport onAdd={() => setForm({ kind: 'add', values: blankCandidateForm(today) })} />
      {notice && <NoticeBar notice={notice} onUndo={undo} onClose={() => setNotice(null)} />}
      {form && <CandidateForm key={JSON.stringify(form)} mode={form} onSaved={saved} onCancel={() => setForm(null)} />}
      {candidates.length > 0 && (
        <>
          <ForecastCard />
          {chosen !== null && !form && (
            <CandidateDetail
              id={chosen}
              onEdit={(c) => setForm({ kind: 'edit', id: c.id, values: candidateRow(c) })}
              onDuplicate={(c) => setForm({ kind: 'duplicate', values: duplicateForm(c, candidates) })}
              onDelete={remove}
            />
          )}
          <CandidateList months={shown?.result.months ?? null} stale={state.kind !== 'current'} ready={listReady} onExport={exportCsv} />
          <NextActions />
          <FunnelCard candidates={candidates} />
          <DiversityTargets editable={false} />
          <AssumptionsPanel />
        </>
      )}
    </div>
  );
}
