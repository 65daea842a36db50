import { PIPELINE_DICTIONARY } from '../../model/pipeline';

const DICTIONARY_ID = 'pipeline-dictionary';
const entryId = (column: string) => `dictionary-${column}`;

/** Opens the dictionary beside the import button at a column's entry (an error or a form field points there). */
export function openDictionary(column?: string): void {
  const details = document.getElementById(DICTIONARY_ID);
  if (!(details instanceof HTMLDetailsElement)) return;
  details.open = true;
  const entry = column ? document.getElementById(entryId(column)) : null;
  (entry ?? details).scrollIntoView({ block: 'center' });
  (entry ?? details.querySelector('summary'))?.focus();
}

export function DictionaryLink({ column }: { column: string }) {
  if (!PIPELINE_DICTIONARY.some((e) => e.column === column)) return null;
  return (
    <button type="button" className="link dictionary-link" onClick={() => openDictionary(column)}>
      what {column} takes
    </button>
  );
}

/** Every column of the template: what it means, whether it is needed, the values it takes in plain words, an example. */
export function DataDictionary() {
  return (
    <details id={DICTIONARY_ID} className="dictionary" data-testid="data-dictionary">
      <summary>Data dictionary: the template’s {PIPELINE_DICTIONARY.length} columns, what each means and the values it takes</summary>
      <div className="table-wide" tabIndex={0} role="region" aria-label="Data dictionary of the pipeline template">
        <table>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Needed</th>
              <th scope="col">What it means</th>
              <th scope="col">What to write (what the app calls it)</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody>
            {PIPELINE_DICTIONARY.map((e) => (
              <tr key={e.column} id={entryId(e.column)} tabIndex={-1} data-column={e.column}>
                <th scope="row">
                  <code>{e.column}</code>
                </th>
                <td>{e.needed}</td>
                <td>{e.meaning}</td>
                <td>
                  {e.format && <p className="dictionary-format">{e.format}</p>}
                  {e.values && (
                    <ul className="values">
                      {e.values.map((v) => (
                        <li key={v.code}>
                          <code>{v.code}</code> {v.name}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <code>{e.example}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
