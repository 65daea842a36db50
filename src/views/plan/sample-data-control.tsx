import { countOf } from '../../model/format';
import { useState } from 'react';
import { addSampleData, hasSampleData, removeSampleData, sampleCounts } from '../../app/plan/sample-data';
import { useClock } from '../clock-context';
import { useWorkspace } from '../workspace-context';

/** One click loads a full sample plan, marked sample; one click removes every sample item and nothing else. */
export function SampleDataControl() {
  const { workspace, update } = useWorkspace();
  const today = useClock().today();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const counts = sampleCounts(workspace);
  // On an empty workspace the sample is the quickest way to see what the app answers: the main button.
  const empty = !workspace.serviceAreas.length && !workspace.targets.length && !workspace.candidates.length;

  async function load() {
    setBusy(true);
    try {
      const { fetchSampleCandidates } = await import('../../app/pipeline/sample-pipeline');
      const candidates = await fetchSampleCandidates(document.baseURI);
      update((ws) => addSampleData(ws, candidates, today));
      setMessage({ ok: true, text: 'Sample data loaded. Every sample item is marked “sample”.' });
    } catch (e) {
      setMessage({ ok: false, text: `The sample data could not be loaded: ${(e as Error).message}. Nothing was changed.` });
    }
    setBusy(false);
  }
  function remove() {
    const { kept } = removeSampleData(workspace);
    update((ws) => removeSampleData(ws).workspace);
    const keptText = kept.length ? ` Kept ${kept.map((a) => `“${a.name}”`).join(', ')}: a target of yours uses it.` : '';
    setMessage({ ok: true, text: `Sample data removed; your own service areas, targets and candidates are unchanged.${keptText}` });
  }

  return (
    <div className="sample-control" data-testid="sample-control">
      {hasSampleData(workspace) ? (
        <>
          <span className="badge sample">sample data</span>{' '}
          <span data-testid="sample-summary">
            {(
              [
                [counts.serviceAreas, 'service area'],
                [counts.targets, 'target'],
                [counts.diversityTargets, 'diversity target'],
                [counts.candidates, 'candidate'],
              ] as const
            )
              .filter(([n]) => n > 0)
              .map(([n, what]) => countOf(n, what))
              .join(', ')}{' '}
            {Object.values(counts).reduce((a, n) => a + n, 0) === 1
              ? 'is a generated sample, not a real person or plan.'
              : 'are generated samples, not real people or plans.'}
          </span>{' '}
          <button type="button" className="secondary" onClick={remove} data-testid="sample-remove">
            Remove sample data
          </button>
        </>
      ) : (
        <button
          type="button"
          className={empty ? undefined : 'secondary'}
          onClick={() => void load()}
          disabled={busy}
          data-testid="sample-load"
        >
          {busy ? 'Loading the sample…' : 'Try it with sample data'}
        </button>
      )}
      {message && (
        <span
          className={message.ok ? 'msg-inline ok' : 'msg-inline error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="sample-message"
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
