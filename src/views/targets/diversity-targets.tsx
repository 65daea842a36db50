import { useState } from 'react';
import { NumberInput } from '../number-input';
import {
  DIVERSITY_MEASURE_DEFINITIONS,
  MEASURE_LABELS,
  describeMeasure,
  measureDiversity,
  nextId,
  type DiversityMeasureKind,
} from '../../model/targets';
import { diversityMeasure } from '../../app/targets/diversity';
import { useWorkspace } from '../workspace-context';
import { ImgBenchmarks } from './img-benchmarks';
import { withPublishers } from '../../model/timing/sources';
import { TABLE_WORD } from '../table-word';

/** Add a diversity target: a measure and its share (or languages). */
function DiversityForm() {
  const { update } = useWorkspace();
  const [kind, setKind] = useState<DiversityMeasureKind>('img-share');
  const [pct, setPct] = useState(50);
  const [languages, setLanguages] = useState('Spanish');
  const [error, setError] = useState('');
  function add() {
    const measure = diversityMeasure(kind, pct, languages);
    if (typeof measure === 'string') return setError(measure);
    setError('');
    update((ws) => ({
      ...ws,
      diversityTargets: [
        ...ws.diversityTargets,
        {
          id: nextId(
            'diversity',
            ws.diversityTargets.map((d) => d.id),
          ),
          targetId: null,
          measure,
          note: '',
        },
      ],
    }));
  }
  return (
    <>
      <div className="inline-form">
        <label>
          Measure
          <select value={kind} onChange={(e) => setKind(e.target.value as DiversityMeasureKind)} data-testid="diversity-kind">
            {(Object.keys(MEASURE_LABELS) as DiversityMeasureKind[]).map((k) => (
              <option key={k} value={k}>
                {MEASURE_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {kind === 'language-coverage' ? (
          <label>
            Languages (comma-separated)
            <input type="text" value={languages} maxLength={300} onChange={(e) => setLanguages(e.target.value)} />
          </label>
        ) : (
          <label>
            Share (%)
            <NumberInput
              min={1}
              max={kind === 'gender-balance' ? 50 : 100}
              step={1}
              value={pct}
              onChange={setPct}
              data-testid="diversity-share"
            />
          </label>
        )}
        <button type="button" onClick={add} data-testid="diversity-add">
          Add
        </button>
      </div>
      <p className="note definition">{withPublishers(DIVERSITY_MEASURE_DEFINITIONS[kind])}</p>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export function DiversityTargets({ editable = true }: { editable?: boolean }) {
  const { workspace, update } = useWorkspace();
  return (
    <section className="card" aria-labelledby="diversity-title" data-testid="diversity-targets">
      <h2 id="diversity-title">{editable ? 'Diversity targets' : 'Diversity targets against the pipeline'}</h2>
      {editable && <DiversityForm />}
      <ImgBenchmarks />
      {!workspace.diversityTargets.length && (
        <p className="note">No diversity targets yet{editable ? '' : ': add them on the Targets screen'}.</p>
      )}
      <div className="table-wide" tabIndex={0} role="region" aria-labelledby={`diversity-title ${TABLE_WORD}`}>
        <table>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Target</th>
              <th scope="col">Pipeline today</th>
              <th scope="col">Definition</th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {workspace.diversityTargets.map((d) => {
              const reading = measureDiversity(d.measure, workspace.candidates);
              return (
                <tr key={d.id}>
                  <td>{MEASURE_LABELS[d.measure.kind]}</td>
                  <td>{describeMeasure(d.measure)}</td>
                  <td>{reading.summary}</td>
                  <td className="note">{withPublishers(DIVERSITY_MEASURE_DEFINITIONS[d.measure.kind])}</td>
                  {editable && (
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => update((ws) => ({ ...ws, diversityTargets: ws.diversityTargets.filter((x) => x.id !== d.id) }))}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
