import { useEffect, useRef, useState } from 'react';
import {
  describePart,
  leftOutText,
  parseWorkspaceFile,
  planImport,
  planIsEmpty,
  serializeWorkspace,
  type ImportPlan,
  type Workspace,
} from '../model/workspace';
import { workspaceAssumptionErrors } from '../model/workspace-assumptions';
import { useWorkspace } from './workspace-context';
import { downloadText } from './download';
import { useClock } from './clock-context';
import { useCountyNames } from './use-county-names';

interface Message {
  ok: boolean;
  text: string;
  details: string[];
}

/** The lines of a plan: what is added, replaced and removed. */
function planLines(plan: ImportPlan): { label: string; parts: string[] }[] {
  return [
    { label: 'Adds', parts: plan.added.map(describePart) },
    { label: 'Replaces with the file’s version', parts: plan.replaced.map(describePart) },
    { label: 'Removes (not in the file)', parts: plan.removed.map(describePart) },
    { label: 'Changes the assumptions', parts: plan.assumptionsChanged.length ? [plan.assumptionsChanged.join(', ')] : [] },
  ].filter((line) => line.parts.length > 0);
}

/**
 * Export the whole workspace to one versioned JSON file; import checks everything, says what it
 * will add, replace and remove, asks, and can be undone.
 */
export function WorkspaceFile() {
  const { workspace, importWorkspace, lastImport, undoLastImport } = useWorkspace();
  const clock = useClock();
  const [message, setMessage] = useState<Message | null>(null);
  const names = useCountyNames();
  const [proposal, setProposal] = useState<{ fileName: string; incoming: Workspace; plan: ImportPlan; leftOut: string | null } | null>(
    null,
  );
  const input = useRef<HTMLInputElement>(null);
  const preview = useRef<HTMLDivElement>(null);
  useEffect(() => preview.current?.focus(), [proposal]);

  async function readFile(file: File) {
    const parsed = parseWorkspaceFile(await file.text(), {
      validateAssumptions: workspaceAssumptionErrors,
      dates: { today: clock.today() },
    });
    if (input.current) input.current.value = '';
    if (!parsed.ok) {
      setProposal(null);
      setMessage({ ok: false, text: `${file.name} was not imported; your current workspace is unchanged.`, details: parsed.errors });
      return;
    }
    const plan = planImport(workspace, parsed.workspace, (fips) => names.get(fips)?.label);
    const leftOut = leftOutText(parsed.leftOut);
    if (planIsEmpty(plan)) {
      setProposal(null);
      setMessage({
        ok: true,
        text: `${file.name} holds exactly what your workspace holds: nothing to import.`,
        details: leftOut ? [leftOut] : [],
      });
      return;
    }
    setMessage(null);
    setProposal({ fileName: file.name, incoming: parsed.workspace, plan, leftOut });
  }

  function confirmImport() {
    if (!proposal) return;
    importWorkspace(proposal.incoming, proposal.fileName);
    setMessage({
      ok: true,
      text: `Imported ${proposal.fileName}. You can undo this import below.`,
      details: [
        ...planLines(proposal.plan).map((line) => `${line.label}: ${line.parts.join('; ')}`),
        ...(proposal.leftOut ? [proposal.leftOut] : []),
      ],
    });
    setProposal(null);
  }

  function undo() {
    if (!lastImport) return;
    const kept = undoLastImport();
    setMessage({
      ok: true,
      text: `The import of ${lastImport.fileName} is undone: your workspace is as it was before it${kept.length ? ', except what was changed after the import, which is kept as it is now' : ''}.`,
      details: kept.length ? [`Kept as changed after the import: ${kept.join('; ')}`] : [],
    });
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
          onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])}
        />
      </div>
      {proposal && (
        <div
          className="msg import-preview"
          role="group"
          aria-labelledby="import-preview-title"
          tabIndex={-1}
          ref={preview}
          data-testid="import-preview"
        >
          <p id="import-preview-title">
            <strong>Import {proposal.fileName}?</strong> Your workspace will be replaced by the file’s:
          </p>
          <ul>
            {planLines(proposal.plan).map((line) => (
              <li key={line.label}>
                {line.label}: {line.parts.join('; ')}
              </li>
            ))}
          </ul>
          {proposal.plan.unchanged > 0 && (
            <p className="note">{proposal.plan.unchanged.toLocaleString('en-US')} records are the same in both.</p>
          )}
          {proposal.leftOut && (
            <p className="note" data-testid="import-left-out">
              {proposal.leftOut}
            </p>
          )}
          <div className="button-row">
            <button type="button" onClick={confirmImport} data-testid="import-confirm">
              Import and replace
            </button>
            <button type="button" className="secondary" onClick={() => setProposal(null)} data-testid="import-cancel">
              Cancel
            </button>
          </div>
        </div>
      )}
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
      {lastImport && !proposal && (
        <div className="button-row" data-testid="import-undo-row">
          <p className="note">
            Last import: {lastImport.fileName}, {new Date(lastImport.importedAt).toLocaleString()}.
          </p>
          <button type="button" className="secondary" onClick={undo} data-testid="import-undo">
            Undo this import
          </button>
        </div>
      )}
    </section>
  );
}
