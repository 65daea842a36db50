import { useState } from 'react';
import { registrationWindowNote } from '../../app/pipeline/assumption-rows';
import {
  ASSUMPTION_FIELDS,
  ASSUMPTION_META,
  DEFAULT_ASSUMPTIONS,
  RULES_AS_OF,
  validateAssumptions,
  type Assumptions,
} from '../../model/timing/assumptions';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { useClock } from '../clock-context';
import { useWorkspace } from '../workspace-context';
import { AssumptionField } from './assumption-field';

const GROUPS = [...new Set(ASSUMPTION_FIELDS.map((f) => ASSUMPTION_META[f].group))];

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
  const today = useClock().today();
  const hints: Partial<Record<keyof Assumptions, string>> = { h1bRegistrationCloses: registrationWindowNote(current, today) };
  return (
    <details className="card assumptions" data-testid="assumptions">
      <summary>
        <h2>Assumptions ({edited} changed from the defaults)</h2>
      </summary>
      <p className="rules-as-of" data-testid="rules-as-of">
        Rules as of <strong>{RULES_AS_OF}</strong>: the visa, waiver and licensing rules the forecast models were last read against their
        sources on that day. Immigration rules change — check any that matter to a decision.
      </p>
      <p className="note">
        Each default shows its source: S-numbers for the facts collected on 2026-11-23, R-numbers for rules looked up since (2026-11-25 to
        2026-12-07). “confirmed”: a source states this exact value; “assumption”: it does not, and the note says why; “your value”: edited
        here. Changes are saved with the workspace and used by the next forecast run.
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
              <AssumptionField key={f} name={f} value={draft[f]} onChange={(v) => change(f, v)} hint={hints[f]} />
            ))}
          </tbody>
        </table>
      ))}
    </details>
  );
}
