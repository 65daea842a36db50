import { useMemo, useState } from 'react';
import { shortageFigures } from '../../app/suggestions';
import { nextQuarters, suggestTargets, type TargetDraft } from '../../model/targets';
import { serviceAreaShortage } from '../../data/queries/service-area';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';
import { activeServiceArea } from '../../model/service-areas';
import { useClock } from '../clock-context';

/** Targets proposed from the shortage data of a service area, with the arithmetic shown. */
export function Suggestions({ onAccept }: { onAccept: (d: TargetDraft) => void }) {
  const { workspace } = useWorkspace();
  const [areaId, setAreaId] = useState(() => activeServiceArea(workspace)?.id ?? '');
  const [share, setShare] = useState(33);
  const quarters = nextQuarters(useClock().today(), 12);
  const [due, setDue] = useState(quarters[5]);
  const [ignored, setIgnored] = useState<Set<string>>(new Set());
  const area = workspace.serviceAreas.find((a) => a.id === areaId) ?? workspace.serviceAreas[0];
  const { rows, error } = useQuery(useMemo(() => (area ? serviceAreaShortage(area) : null), [area]));
  const { figures: meaningful, belowMinimum: small } = shortageFigures(rows ?? []);
  const result =
    area && share > 0 && share <= 100
      ? suggestTargets(meaningful, { share: share / 100, dueQuarter: due, region: { kind: 'service-area', id: area.id } })
      : null;
  const existing = new Set(workspace.targets.map((t) => `${t.profession}|${t.specialty}|${JSON.stringify(t.region)}`));

  return (
    <section className="card" aria-labelledby="suggest-title" data-testid="suggestions">
      <h2 id="suggest-title">Suggested targets from the shortage data</h2>
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
              <input
                type="number"
                min={1}
                max={100}
                value={share}
                onChange={(e) => setShare(Number(e.target.value))}
                data-testid="suggest-share"
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
          {error && <p className="msg error">{error.message}</p>}
          <ul className="suggestions">
            {result?.suggested
              .filter((s) => !ignored.has(s.explanation))
              .map((s) => {
                const taken = existing.has(`${s.draft.profession}|${s.draft.specialty}|${JSON.stringify(s.draft.region)}`);
                return (
                  <li key={s.explanation} data-testid="suggestion">
                    <span>
                      <strong>{s.draft.specialty}</strong>: {s.explanation}
                      {s.figure.estimate && <span className="badge estimate">estimate</span>}
                    </span>
                    <span className="button-row">
                      <button type="button" onClick={() => onAccept(s.draft)} disabled={taken} data-testid="suggestion-accept">
                        {taken ? 'Accepted' : 'Accept'}
                      </button>
                      <button type="button" className="secondary" onClick={() => setIgnored(new Set([...ignored, s.explanation]))}>
                        Ignore
                      </button>
                    </span>
                  </li>
                );
              })}
          </ul>
          {!!result?.notSuggested.length && (
            <details>
              <summary>{result.notSuggested.length} figure(s) gave no suggestion</summary>
              <ul>
                {result.notSuggested.map((n, i) => (
                  <li key={i}>{n.reason}</li>
                ))}
              </ul>
            </details>
          )}
          {small > 0 && <p className="note">{small} figure(s) under half an FTE are not suggested.</p>}
          <p className="note">
            Accepted suggestions become targets you can edit below. Specialty and lab gaps are estimates against national averages (see Data
            sources).
          </p>
        </>
      )}
    </section>
  );
}
