import { useMemo, useState } from 'react';
import { NumberInput } from '../number-input';
import { areaShortage, nextQuarters, suggestTargets, type TargetDraft, type TargetSuggestions } from '../../model/targets';
import type { ServiceArea } from '../../model/types';
import { areaShortageQueries } from '../../app/targets/area-figures';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';
import { activeServiceArea } from '../../model/service-areas';
import { useClock } from '../clock-context';

/** A share of HRSA's need to fill, in percent: above 0 and at most all of it. */
const validShare = (share: number) => share > 0 && share <= 100;

/** HRSA's figures for the area, then the suggested targets and what gave none. */
function useAreaSuggestions(area: ServiceArea | undefined, share: number, due: string) {
  const q = useMemo(() => (area ? areaShortageQueries(area) : null), [area]);
  const sources = useQuery(q?.sources ?? null);
  const detail = useQuery(q?.detail ?? null);
  const summaries = useQuery(q?.summaries ?? null);
  const error = sources.error ?? detail.error ?? summaries.error;
  if (!area || !sources.rows || !detail.rows || !summaries.rows) return { error };
  const shortage = areaShortage(area, sources.rows, detail.rows, summaries.rows);
  const result: TargetSuggestions | null = validShare(share)
    ? suggestTargets(shortage.figures, { share: share / 100, dueQuarter: due, region: { kind: 'service-area', id: area.id } })
    : null;
  return { error, gaps: shortage.gaps, result };
}

/** Targets proposed from HRSA's shortage figures for a service area, each with its one-sentence arithmetic. */
export function Suggestions({ onAccept }: { onAccept: (d: TargetDraft) => void }) {
  const { workspace } = useWorkspace();
  const [areaId, setAreaId] = useState(() => activeServiceArea(workspace)?.id ?? '');
  const [share, setShare] = useState(33);
  const quarters = nextQuarters(useClock().today(), 12);
  const [due, setDue] = useState(quarters[5]);
  const [ignored, setIgnored] = useState<Set<string>>(new Set());
  const area = workspace.serviceAreas.find((a) => a.id === areaId) ?? workspace.serviceAreas[0];
  const { error, gaps, result } = useAreaSuggestions(area, share, due);
  const existing = new Set(workspace.targets.map((t) => `${t.profession}|${t.specialty}|${JSON.stringify(t.region)}`));

  return (
    <section className="card" aria-labelledby="suggest-title" data-testid="suggestions">
      <h2 id="suggest-title">Suggested targets from HRSA&rsquo;s shortage figures</h2>
      {!area ? (
        <p className="note">Create your service area above to get suggested targets from its shortage figures.</p>
      ) : (
        <>
          <div className="inline-form">
            <label>
              Service area
              <select value={area.id} onChange={(e) => setAreaId(e.target.value)}>
                {workspace.serviceAreas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Share of need to fill (%)
              <NumberInput
                min={1}
                max={100}
                value={share}
                onChange={setShare}
                data-testid="suggest-share"
                aria-describedby={validShare(share) ? undefined : 'suggest-share-problem'}
              />
            </label>
            <label>
              Due by end of
              <select value={due} onChange={(e) => setDue(e.target.value)}>
                {quarters.map((q) => (
                  <option key={q}>{q}</option>
                ))}
              </select>
            </label>
          </div>
          {!validShare(share) && (
            <p className="msg error" id="suggest-share-problem" role="alert" data-testid="suggest-share-problem">
              Share of need to fill: enter a percentage above 0 and at most 100 to see the suggested targets.
            </p>
          )}
          {error && <p className="msg error">{error.message}</p>}
          <ul className="suggestions">
            {result?.suggested
              .filter((s) => !ignored.has(s.explanation))
              .map((s) => {
                const taken = existing.has(`${s.draft.profession}|${s.draft.specialty}|${JSON.stringify(s.draft.region)}`);
                return (
                  <li key={s.explanation} data-testid="suggestion" data-basis={s.figure.basis}>
                    <span>
                      <strong>{s.draft.specialty}</strong>: {s.explanation}
                    </span>
                    <span className="button-row">
                      {/* Taken: a target for the same specialty and region exists, whatever its number of hires. */}
                      <button
                        type="button"
                        onClick={() => onAccept(s.draft)}
                        disabled={taken}
                        title={taken ? 'A target for this specialty and region exists; edit it in the table below.' : undefined}
                        data-testid="suggestion-accept"
                      >
                        {taken ? 'Target set' : 'Accept'}
                      </button>
                      <button type="button" className="secondary" onClick={() => setIgnored(new Set([...ignored, s.explanation]))}>
                        Ignore
                      </button>
                    </span>
                  </li>
                );
              })}
          </ul>
          {!!(gaps?.length || result?.notSuggested.length) && (
            <ul className="notes" data-testid="suggestion-gaps">
              {gaps?.map((g) => (
                <li key={g}>{g}</li>
              ))}
              {result?.notSuggested.map((n, i) => (
                <li key={i}>{n.reason}</li>
              ))}
            </ul>
          )}
          <p className="note">
            Suggestions come from HRSA&rsquo;s primary-care and mental-health designations only. For other specialties and for laboratory
            staff no published figure measures a shortage: set the number yourself in a target; the published figures for its region are
            shown beside it.
          </p>
        </>
      )}
    </section>
  );
}
