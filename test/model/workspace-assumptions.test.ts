import { describe, it, expect } from 'vitest';
import { parseWorkspaceFile, serializeWorkspace, emptyWorkspace } from '../../src/model/workspace';
import { workspaceAssumptionErrors } from '../../src/model/workspace-assumptions';

describe('assumptions inside a workspace file', () => {
  const file = (assumptions: Record<string, unknown>) => serializeWorkspace({ ...emptyWorkspace(), assumptions });

  it('accepts the defaults (empty) and valid edits', () => {
    expect(parseWorkspaceFile(file({}), { validateAssumptions: workspaceAssumptionErrors }).ok).toBe(true);
    expect(parseWorkspaceFile(file({ h1bSelectionProbability: 0.4 }), { validateAssumptions: workspaceAssumptionErrors }).ok).toBe(true);
  });

  it('refuses out-of-range or unknown assumptions, naming them', () => {
    const r = parseWorkspaceFile(file({ h1bSelectionProbability: 7, madeUp: 1 }), { validateAssumptions: workspaceAssumptionErrors });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join('\n')).toMatch(/h1bSelectionProbability/);
      expect(r.errors.join('\n')).toMatch(/madeUp/);
    }
  });
});
