import { useRef, useState } from 'react';
import { parseWorkspaceFile, serializeWorkspace } from '../model/workspace';
import { workspaceAssumptionErrors } from '../model/workspace-assumptions';
import { useWorkspace } from './workspace-context';
import { downloadText } from './download';
import { useClock } from './clock-context';

/** Export the whole workspace to one versioned JSON file; import validates everything before replacing anything. */
export function WorkspaceFile() {
  const { workspace, update } = useWorkspace();
  const clock = useClock();
  const [message, setMessage] = useState<{ ok: boolean; text: string; details: string[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  async function importFile(file: File) {
    const parsed = parseWorkspaceFile(await file.text(), { validateAssumptions: workspaceAssumptionErrors });
    if (!parsed.ok) {
      setMessage({ ok: false, text: `${file.name} was not imported; your current workspace is unchanged.`, details: parsed.errors });
    } else {
      const ws = parsed.workspace;
      update(() => ws);
      setMessage({
        ok: true,
        text: `Imported ${file.name}: ${ws.targets.length} targets, ${ws.serviceAreas.length} service areas, ${ws.candidates.length} candidates.`,
        details: [],
      });
    }
    if (input.current) input.current.value = '';
  }
  return (
    <section className="card" aria-labelledby="wsfile-title">
      <h2 id="wsfile-title">Workspace file</h2>
      <p className="note">
        Your service areas, targets, candidates and assumptions are saved in this browser only. Export them to a file to back them up or
        move them to another computer.
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => downloadText(`shortage-atlas-workspace-${clock.today()}.json`, serializeWorkspace(workspace), 'application/json')}
          data-testid="workspace-export"
        >
          Export workspace
        </button>
        <label className="button secondary" htmlFor="workspace-import">
          Import workspace…
        </label>
        <input
          id="workspace-import"
          data-testid="workspace-import"
          className="visually-hidden-file"
          type="file"
          accept=".json,application/json"
          ref={input}
          onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
        />
      </div>
      {message && (
        <div className={message.ok ? 'msg ok' : 'msg error'} role={message.ok ? 'status' : 'alert'} data-testid="workspace-message">
          <p>{message.text}</p>
          {message.details.length > 0 && (
            <ul>
              {message.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
