// Workspace files carry only the assumptions a user changed; the timing model validates them.
import { DEFAULT_ASSUMPTIONS, validateAssumptions } from './timing/assumptions';

export function workspaceAssumptionErrors(saved: Record<string, unknown>): string[] {
  const result = validateAssumptions({ ...DEFAULT_ASSUMPTIONS, ...saved });
  return result.ok ? [] : result.errors;
}
