import { useState } from 'react';
import {
  ASSUMPTION_FIELDS,
  ASSUMPTION_META,
  DEFAULT_ASSUMPTIONS,
  validateAssumptions,
  type Assumptions,
} from '../../model/timing/assumptions';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { feeRuleText } from '../../model/timing/h1b-fee';
import { useWorkspace } from '../workspace-context';

const GROUPS = [...new Set(ASSUMPTION_FIELDS.map((f) => ASSUMPTION_META[f].group))];

function Field({ name, value, onChange }: { name: keyof Assumptions; value: unknown; onChange: (v: unknown) => void }) {
  const meta = ASSUMPTION_META[name];
  const id = `assumption-${name}`;
  const input =
    meta.kind === 'boolean' ? (
      <input id={id} type="checkbox" checked={value as boolean} onChange={(e) => onChange(e.target.checked)} />
    ) : meta.kind === 'choice' ? (
      <select id={id} value={value as string} onChange={(e) => onChange(e.target.value)}>
        {meta.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    ) : meta.kind === 'number' ? (
      <input
        id={id}
        type="number"
        min={meta.min}
        max={meta.max}
        step={meta.integer ? 1 : 'any'}
        value={value as number}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
    ) : (
      <input id={id} type="text" value={value as string} onChange={(e) => onChange(e.target.value)} />
    );
  return (
    <tr>
      <td>
        <label htmlFor={id}>{meta.label}</label>
        <div className="note">{meta.note}</div>
      </td>
      <td>
        {input} {meta.kind === 'number' && <span className="id">{meta.unit}</span>}
      </td>
      <td>
        <span className={`badge ${meta.confidence === 'confirmed' ? 'upload' : 'estimate'}`}>{meta.confidence}</span>{' '}
        {meta.sources.join(', ') || 'no source'}
      </td>
    </tr>
  );
}

/** Every assumption of the timing model, editable, with its source; saved with the workspace. */
export function AssumptionsPanel() {
  const { workspace, update } = useWorkspace();
  const current = currentAssumptions(workspace.assumptions);
  const [draft, setDraft] = useState<Record<string, unknown>>({ ...current });
  const [errors, setErrors] = useState<string[]>([]);
  const change = (name: keyof Assumptions, v: unknown) => {
    const next = { ...draft, [name]: v };
    setDraft(next);
    const checked = validateAssumptions(next);
    if (checked.ok) {
      setErrors([]);
      update((ws) => ({ ...ws, assumptions: { ...checked.value } }));
    } else setErrors(checked.errors);
  };
  const edited = ASSUMPTION_FIELDS.filter((f) => current[f] !== DEFAULT_ASSUMPTIONS[f]).length;
  return (
    <details className="card assumptions" data-testid="assumptions">
      <summary>
        <h2>Assumptions ({edited} changed from the defaults)</h2>
      </summary>
      <p className="note">
        Defaults come from <code>domain.md</code> (sources S1–S54, collected 2026-11-23; immigration rules change). “assumption” marks
        figures from secondary or conflicting sources. Changes are saved with the workspace and used by the next forecast run.
      </p>
      {errors.length > 0 && (
        <div className="msg error" role="alert">
          <p>Not saved until fixed:</p>
          <ul>
            {errors.slice(0, 5).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setDraft({ ...DEFAULT_ASSUMPTIONS });
          setErrors([]);
          update((ws) => ({ ...ws, assumptions: {} }));
        }}
      >
        Reset to the defaults
      </button>
      {GROUPS.map((g) => (
        <table key={g} className="assumption-table">
          <caption>{g}</caption>
          <thead>
            <tr>
              <th scope="col">Assumption</th>
              <th scope="col">Value</th>
              <th scope="col">Basis</th>
            </tr>
          </thead>
          <tbody>
            {ASSUMPTION_FIELDS.filter((f) => ASSUMPTION_META[f].group === g).map((f) => (
              <Field key={f} name={f} value={draft[f]} onChange={(v) => change(f, v)} />
            ))}
          </tbody>
        </table>
      ))}
    </details>
  );
}

/** The rule in flux, as a scenario with its dates and legal status rather than a fact. */
export function FeeScenarioSwitch() {
  const { workspace, update } = useWorkspace();
  const a = currentAssumptions(workspace.assumptions);
  const set = (v: Assumptions['h1bFeeScenario']) =>
    update((ws) => ({ ...ws, assumptions: { ...currentAssumptions(ws.assumptions), h1bFeeScenario: v } }));
  const meta = ASSUMPTION_META.h1bFeeScenario;
  const rule = feeRuleText(a);
  return (
    <fieldset className="scenario" data-testid="fee-scenario">
      <legend>Scenario: the $100,000 H-1B fee on new petitions for workers abroad</legend>
      <p className="note" data-testid="fee-rule">
        {rule.dates} {rule.status}
      </p>
      {meta.options.map((option) => (
        <label key={option} className="radio">
          <input type="radio" name="fee" checked={a.h1bFeeScenario === option} onChange={() => set(option)} /> {option}:{' '}
          {meta.optionLabels[option]}
        </label>
      ))}
    </fieldset>
  );
}
