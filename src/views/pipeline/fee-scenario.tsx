import { ASSUMPTION_META, type Assumptions } from '../../model/timing/assumptions';
import { feeRuleText } from '../../model/timing/h1b-fee';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { useWorkspace } from '../workspace-context';
import { withPublishers } from '../../model/timing/sources';

/** Each scenario's name in words (its code stays in the workspace). */
const SCENARIO_NAMES: Readonly<Record<Assumptions['h1bFeeScenario'], string>> = {
  continues: 'The fee continues',
  'as-written': 'The fee ends as written',
  'not-applied': 'No fee',
};

/** The $100,000 fee, a rule in flux: a scenario with its dates and legal status rather than a fact. */
export function FeeScenarioSwitch() {
  const { workspace, update } = useWorkspace();
  const a = currentAssumptions(workspace.assumptions);
  const set = (v: Assumptions['h1bFeeScenario']) =>
    update((ws) => ({ ...ws, assumptions: { ...currentAssumptions(ws.assumptions), h1bFeeScenario: v } }));
  const meta = ASSUMPTION_META.h1bFeeScenario;
  const rule = feeRuleText(a);
  return (
    <fieldset className="scenario" data-testid="fee-scenario">
      <legend>Scenario: the $100,000 H-1B fee on new petitions for workers abroad (an assumption, not a fact)</legend>
      <p className="note" data-testid="fee-rule">
        {rule.dates} {withPublishers(rule.status)}
      </p>
      {meta.options.map((option) => (
        <label key={option} className="radio">
          <input type="radio" name="fee" checked={a.h1bFeeScenario === option} onChange={() => set(option)} /> {SCENARIO_NAMES[option]}:{' '}
          {meta.optionLabels[option]}
        </label>
      ))}
      <p className="note">
        The forecast shows each target’s P(met) under this scenario and{' '}
        {a.h1bFeeScenario === 'not-applied' ? 'if the fee continued' : 'without the fee'} side by side.
      </p>
    </fieldset>
  );
}
