import { useRef, useState } from 'react';
import { mergeCandidates, readPipelineImport, type ImportMessage } from '../../app/pipeline/import-candidates';
import { isSampleCandidate, pipelineDictionaryCsv, pipelineTemplateCsv } from '../../model/pipeline';
import { DataDictionary, DictionaryLink } from './data-dictionary';
import { downloadText } from '../download';
import { useClock } from '../clock-context';
import { useWorkspace } from '../workspace-context';
import { useCountyNames } from '../use-county-names';
import { useAtlas } from '../atlas-context';
import { hasZipColumn, zipLookupFor } from '../../app/common/zip-lookup';
import { withPublishers } from '../../model/timing/sources';

function ImportErrors({ errors, testId }: { errors: ImportMessage['errors']; testId: string }) {
  return (
    <table className="errors" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {errors.slice(0, 200).map((e, i) => (
          <tr key={i}>
            <td>{e.line}</td>
            <td>
              {e.column} <DictionaryLink column={e.column} />
            </td>
            <td>{e.value}</td>
            <td>{withPublishers(e.message)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Import candidates from a CSV (or the sample), with every bad row listed and linked to the data
 * dictionary beside the button; or add one in the form (`onAdd`).
 */
export function PipelineImport({ onAdd }: { onAdd: () => void }) {
  const { workspace, update } = useWorkspace();
  const clock = useClock();
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { candidates } = workspace;
  const names = useCountyNames();
  const samples = candidates.filter(isSampleCandidate).length;

  const { coordinator } = useAtlas();
  async function importText(text: string, fileName: string) {
    // Sites given by ZIP: their counties looked up first (the importer itself reads no table).
    const zips = await zipLookupFor(coordinator, text, hasZipColumn(text)).catch(() => undefined);
    const { imported, message } = readPipelineImport(text, fileName, names, clock.today(), zips);
    if (imported) update((ws) => ({ ...ws, candidates: mergeCandidates(ws.candidates, imported) }));
    setMessage(message);
    if (input.current) input.current.value = '';
  }

  return (
    <section className="card" aria-labelledby="pipe-import-title">
      <h2 id="pipe-import-title">
        Candidate pipeline ({candidates.length})
        {samples > 0 && <span className="badge sample">{samples} sample candidates — generated, not real people</span>}
      </h2>
      {!candidates.length && (
        <p className="empty-state" data-testid="pipeline-empty">
          Next: import your candidates from a spreadsheet saved as CSV (download the template for its columns), or try the whole app with
          the sample data above.
        </p>
      )}
      <p className="note">
        Candidate data stays in this browser. Import a CSV in the template’s columns (the data dictionary below says what each takes), or
        add candidates one by one. Rows that break a rule are listed and left out; candidates already saved are kept (a row with the same
        candidate id replaces it).
      </p>
      <div className="button-row">
        <label className="button" htmlFor="pipeline-upload">
          Import candidates CSV…
        </label>
        <input
          id="pipeline-upload"
          data-testid="pipeline-upload"
          className="visually-hidden-file"
          type="file"
          accept=".csv,text/csv"
          ref={input}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then((t) => importText(t, file.name));
          }}
        />
        <button type="button" className="secondary" onClick={onAdd} data-testid="candidate-add">
          Add a candidate
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => downloadText('pipeline-template.csv', pipelineTemplateCsv(), 'text/csv;charset=utf-8')}
        >
          Download the template
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="dictionary-download"
          onClick={() => downloadText('pipeline-data-dictionary.csv', pipelineDictionaryCsv(), 'text/csv;charset=utf-8')}
        >
          Download the data dictionary
        </button>
        {candidates.length > 0 && (
          <button type="button" className="secondary" onClick={() => update((ws) => ({ ...ws, candidates: [] }))}>
            Remove all candidates
          </button>
        )}
      </div>
      <DataDictionary />
      {message && (
        <div className={message.ok ? 'msg ok' : 'msg error'} data-testid="pipeline-message" role={message.ok ? 'status' : 'alert'}>
          <p>{message.text}</p>
          {message.errors.length > 0 && <ImportErrors errors={message.errors} testId="pipeline-errors" />}
          {message.warnings.length > 0 && (
            <>
              <p>Loaded, with something to check against the rules:</p>
              <ImportErrors errors={message.warnings} testId="pipeline-warnings" />
            </>
          )}
        </div>
      )}
    </section>
  );
}
