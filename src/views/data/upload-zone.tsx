import { useRef, useState, type ReactNode } from 'react';
import type { UploadOutcome } from '../../app/data/load-file';
import { useAtlas } from '../atlas-context';

/** Drag-and-drop anywhere on the page, or the file picker. */
export function UploadZone({ children }: { children: ReactNode }) {
  const { loadFile, engine } = useAtlas();
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function take(files: FileList | null) {
    for (const file of files ? [...files] : []) {
      setBusy(file);
      const { outcome } = await loadFile(file);
      setOutcome(outcome);
    }
    setBusy(null);
    if (input.current) input.current.value = '';
  }

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
          or drop it anywhere on the page: HRSA's <code>BCD_HPSA_FCT_DET_PC.csv</code> (or <code>_MH</code>, <code>_DH</code>), DOL's LCA
          disclosure file saved as CSV, or a USCIS H-1B Employer Data Hub export. Recognised by its columns; it replaces the loaded data it
          covers (a discipline, the wage filings, a fiscal year).
        </span>
        <div
          data-testid="upload-message"
          data-settled={busy ? 'false' : 'true'}
          role={outcome && !outcome.ok ? 'alert' : 'status'}
          aria-live="polite"
        >
          {busy && (
            <p className="busy">
              {`${engine === 'starting' ? 'Waiting for the query engine to start, then reading' : 'Reading'} ${busy.name} (${(busy.size / 1e6).toFixed(1)} MB)…`}
            </p>
          )}
          {!busy && outcome && (
            <div className={outcome.ok ? 'msg ok' : 'msg error'}>
              <p>{outcome.text}</p>
              {(outcome.ok ? outcome.warnings : outcome.details).length > 0 && (
                <ul>
                  {(outcome.ok ? outcome.warnings : outcome.details).map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </section>
      {children}
    </div>
  );
}
