// Workspace files carry only the assumptions a user changed; the timing model validates them.
import { DEFAULT_ASSUMPTIONS, validateAssumptions, type Assumptions } from './timing/assumptions';

export function workspaceAssumptionErrors(saved: Record<string, unknown>): string[] {
  const result = validateAssumptions({ ...DEFAULT_ASSUMPTIONS, ...saved });
  return result.ok ? [] : result.errors;
}

/** The workspace's assumptions: the defaults with the user's edits on top (the defaults if the edits are invalid). */
export function currentAssumptions(saved: Record<string, unknown>): Assumptions {
  const result = validateAssumptions({ ...DEFAULT_ASSUMPTIONS, ...saved });
  return result.ok ? result.value : DEFAULT_ASSUMPTIONS;
}
