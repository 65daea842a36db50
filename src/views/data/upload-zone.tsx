import { useRef, useState, type ReactNode } from 'react';
import type { UploadOutcome } from '../../app/data/load-file';
import type { LoadQuestion } from '../../data/loaders/loader';
import { useAtlas } from '../atlas-context';
import { KeptUploadsProvider, useKeptUploads } from './kept-uploads-context';

/** One chosen file, from waiting its turn to its outcome (and whether it was kept in this browser). */
interface FileEntry {
  key: number;
  name: string;
  bytes: number;
  state: 'waiting' | 'reading' | 'asking' | 'done';
  outcome?: UploadOutcome;
  keep?: { kept: boolean; text: string } | 'keeping';
  question?: { question: LoadQuestion; answer: (yes: boolean) => void };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Drag-and-drop anywhere on the page, or the file picker; files kept in this browser are loaded again on the next visit. */
export function UploadZone({ children }: { children: ReactNode }) {
  return (
    <KeptUploadsProvider>
      <DropZone>{children}</DropZone>
    </KeptUploadsProvider>
  );
}

let entryKeys = 0;

function DropZone({ children }: { children: ReactNode }) {
  const { loadFile, engine } = useAtlas();
  const kept = useKeptUploads();
  const [dragging, setDragging] = useState(false);
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const change = (key: number, patch: Partial<FileEntry>) => setEntries((es) => es.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  /** Every chosen file in turn, each with its own outcome: a refusal never hides behind a later success. */
  async function take(files: FileList | null) {
    const chosen = files ? [...files] : [];
    if (!chosen.length) return;
    const batch = chosen.map((f): FileEntry => ({ key: ++entryKeys, name: f.name, bytes: f.size, state: 'waiting' }));
    setEntries(batch);
    if (input.current) input.current.value = '';
    for (const [i, file] of chosen.entries()) {
      const { key } = batch[i];
      change(key, { state: 'reading' });
      const confirm = (question: LoadQuestion) =>
        new Promise<boolean>((resolve) =>
          change(key, {
            state: 'asking',
            question: {
              question,
              answer: (yes) => {
                change(key, { state: 'reading', question: undefined });
                resolve(yes);
              },
            },
          }),
        );
      const { outcome, added, remaining } = await loadFile(file, { confirm });
      change(key, { state: 'done', outcome, keep: added ? 'keeping' : undefined });
      if (added) change(key, { keep: await kept.keep(file, added, remaining ?? {}) });
    }
  }

  const busy = entries.some((e) => e.state !== 'done') || kept.restoring;
  const restoring = kept.restoring && kept.kept.some((k) => !k.datasetId);
  return (
    <div
      className={`upload-zone ${dragging ? 'is-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void take(e.dataTransfer.files);
      }}
    >
      <section className="upload-bar" aria-labelledby="upload-title">
        <h2 id="upload-title" className="visually-hidden">
          Load your own files
        </h2>
        <label className="button" htmlFor="dataset-upload">
          Load a federal data file…
        </label>
        <input
          id="dataset-upload"
          data-testid="dataset-upload"
          className="visually-hidden-file"
          type="file"
          accept=".csv,text/csv"
          multiple
          onChange={(e) => void take(e.target.files)}
        />
        <span className="hint">
          or drop them anywhere on the page: HRSA's <code>BCD_HPSA_FCT_DET_PC.csv</code> (or <code>_MH</code>, <code>_DH</code>), DOL's LCA
          disclosure file saved as CSV, or a USCIS H-1B Employer Data Hub export. Recognised by their columns; each replaces the loaded data
          it covers (a discipline, a fiscal year or quarter) and is kept in this browser for your next visit.
        </span>
        <div data-testid="upload-message" data-settled={busy ? 'false' : 'true'} role="status" aria-live="polite">
          {entries.length > 0 && (
            <ul className="upload-outcomes" data-testid="upload-outcomes">
              {entries.map((e) => (
                <FileOutcome key={e.key} entry={e} starting={engine === 'starting'} />
              ))}
            </ul>
          )}
          {restoring && <p className="busy">Loading the files kept from your last visit ({kept.kept.map((k) => k.name).join(', ')})…</p>}
          <KeptNotes />
        </div>
      </section>
      {children}
    </div>
  );
}

function FileOutcome({ entry: e, starting }: { entry: FileEntry; starting: boolean }) {
  const o = e.outcome;
  const state = !o ? e.state : o.ok ? 'ok' : o.declined ? 'declined' : 'error';
  return (
    <li data-testid="upload-outcome" data-file={e.name} data-state={state}>
      {e.state === 'waiting' && <p className="busy">{`${e.name} (${mb(e.bytes)}): waiting for the file before it…`}</p>}
      {e.state === 'reading' && (
        <p className="busy">{`${starting ? 'Waiting for the query engine to start, then reading' : 'Reading'} ${e.name} (${mb(e.bytes)})…`}</p>
      )}
      {e.state === 'asking' && e.question && (
        <div className="msg import-preview" data-testid="upload-question" role="alert">
          <p>{e.question.question.text}</p>
          <div className="button-row">
            <button type="button" data-testid="upload-answer-yes" onClick={() => e.question!.answer(true)}>
              {e.question.question.yes}
            </button>{' '}
            <button type="button" className="secondary" data-testid="upload-answer-no" onClick={() => e.question!.answer(false)}>
              {e.question.question.no}
            </button>
          </div>
        </div>
      )}
      {o && (
        <div className={o.ok ? 'msg ok' : o.declined ? 'msg' : 'msg error'}>
          <p>{o.text}</p>
          {(o.ok ? o.warnings : o.details).length > 0 && (
            <ul>
              {(o.ok ? o.warnings : o.details).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          {e.keep && (
            <p className="keep-note" data-testid="upload-kept" data-kept={e.keep === 'keeping' ? 'pending' : String(e.keep.kept)}>
              {e.keep === 'keeping' ? 'Keeping it in this browser…' : e.keep.text}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

/** The files of the last visit restored (or not), files gone, files heard from another tab, and the files kept. */
function KeptNotes() {
  const kept = useKeptUploads();
  const restored = kept.outcomes;
  const keptHere = kept.kept.filter((k) => k.datasetId);
  const failed = restored.filter((r) => !r.outcome.ok).length;
  return (
    <>
      {restored.length > 0 && (
        // Folded when every file is back (on a phone, four notes would push the screen below the fold); open when one is not.
        <details className="msg kept-restored" data-testid="restored-uploads" open={failed > 0}>
          <summary>
            <strong>Your files, loaded again:</strong> {restored.length - failed} of {restored.length}
            {failed > 0 ? `; ${failed} could not be` : ''}
          </summary>
          <ul>
            {restored.map((r, i) => (
              <li key={i} data-file={r.name} data-state={r.outcome.ok ? 'ok' : 'error'}>
                {r.from === 'last visit' ? 'From your last visit' : 'Loaded in another tab'} — {r.outcome.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {kept.gone.length > 0 && (
        <div className="msg error" data-testid="gone-uploads" role="alert">
          <p>
            <strong>Not loaded now:</strong>
          </p>
          <ul>
            {kept.gone.map((g, i) => (
              <li key={`${g.seq ?? 'n'}-${i}`} data-testid="gone-upload" data-file={g.name} className="notice-row">
                <span>
                  {g.name}: {g.reason}.
                </span>
                <button type="button" className="secondary" onClick={() => kept.dismiss(g)}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {kept.notices.map((n, i) => (
        <p key={i} className="msg" data-testid="kept-notice">
          {n}
        </p>
      ))}
      {keptHere.length > 0 && (
        <details className="kept-files" data-testid="kept-uploads">
          <summary>
            {keptHere.length} file{keptHere.length === 1 ? '' : 's'} kept in this browser, loaded again on your next visit
          </summary>
          <ul>
            {keptHere.map((k) => (
              <li key={k.seq} className="notice-row" data-file={k.name}>
                <span>
                  {k.name} ({mb(k.bytes)}, loaded {k.savedAt.slice(0, 10)}): {k.title}
                </span>
                <button type="button" className="secondary" onClick={() => kept.forget(k.seq)}>
                  Stop keeping
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
