// Writes a workspace as the exported JSON file that parseWorkspaceFile reads back.

import { WORKSPACE_FORMAT, type Workspace } from './workspace';

export function serializeWorkspace(workspace: Workspace): string {
  // The marker leads the file so a person opening it sees what it is.
  return `${JSON.stringify({ format: WORKSPACE_FORMAT, ...workspace }, null, 2)}\n`;
}
