// The workspace as the screens see it. Saving, and keeping in step with other tabs, is
// src/storage/workspace-sync.ts; this shows its notices and asks when two tabs changed one record.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { recordName, type ImportUndo, type Workspace } from '../model/workspace';
import { WorkspaceSync, type SaveConflict, type SaveState } from '../storage/workspace-sync';

export type { SaveState } from '../storage/workspace-sync';

interface WorkspaceApi {
  workspace: Workspace;
  /** Applies a change; the records it changed are saved to this browser at once. */
  update: (change: (ws: Workspace) => Workspace) => void;
  saveState: SaveState;
  saveError: string | null;
  /** Replaces the workspace with an imported one, keeping what it takes to undo that. */
  importWorkspace: (incoming: Workspace, fileName: string) => void;
  /** The last import, while it can be undone (also after a reload, and in other tabs). */
  lastImport: ImportUndo | null;
  /** Takes the last import back; returns the records kept because they were changed since. */
  undoLastImport: () => string[];
}

const WorkspaceContext = createContext<WorkspaceApi | null>(null);

export function useWorkspace(): WorkspaceApi {
  const api = useContext(WorkspaceContext);
  if (!api) throw new Error('useWorkspace outside WorkspaceProvider');
  return api;
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [save, setSave] = useState<{ state: SaveState; error: string | null }>({ state: 'loading', error: null });
  const [lastImport, setLastImport] = useState<ImportUndo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<SaveConflict[]>([]);
  const [waiting, setWaiting] = useState<string | null>(null);
  const [sync, setSync] = useState<WorkspaceSync | null>(null);

  useEffect(() => {
    const started = new WorkspaceSync({
      workspace: setWorkspace,
      saveState: (state, error) => setSave({ state, error }),
      notice: setNotice,
      conflicts: setConflicts,
      lastImport: setLastImport,
    });
    setSync(started);
    void started
      .start({
        onBlocked: () =>
          setWaiting(
            'Another Shortage Atlas tab, opened before the app was updated, is still open: close or reload it so this tab can open your saved workspace.',
          ),
      })
      .then(() => setWaiting(null));
    const onVisible = () => document.visibilityState === 'visible' && void started.checkForMissed();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      started.close();
    };
  }, []);

  const api = useMemo<WorkspaceApi | null>(
    () =>
      workspace && sync
        ? {
            workspace,
            update: (change) => sync.update(change),
            saveState: save.state,
            saveError: save.error,
            importWorkspace: (incoming, fileName) => sync.importWorkspace(incoming, fileName),
            lastImport,
            undoLastImport: () => sync.undoLastImport(),
          }
        : null,
    [workspace, sync, save, lastImport],
  );

  if (!api)
    return waiting ? (
      <p className="msg error" role="alert">
        {waiting}
      </p>
    ) : null;
  return (
    <WorkspaceContext.Provider value={api}>
      <div className="workspace-notices">
        <div role="status" aria-live="polite">
          {notice && (
            <div className="msg ok notice-row" data-testid="tab-notice">
              <p>{notice}</p>
              <button type="button" className="secondary" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </div>
          )}
        </div>
        {conflicts.length > 0 && (
          <div className="msg error" role="alert" data-testid="save-conflicts">
            {conflicts.map((conflict) => (
              <div key={conflict.mine.key} className="notice-row" data-testid="save-conflict">
                <p>{conflictText(conflict)}</p>
                <div className="button-row">
                  <button type="button" onClick={() => sync!.resolve(conflict, 'mine')}>
                    {conflict.mine.value === undefined ? 'Delete it anyway' : 'Keep this tab’s version'}
                  </button>
                  <button type="button" className="secondary" onClick={() => sync!.resolve(conflict, 'theirs')}>
                    Keep the other tab’s version
                  </button>
                </div>
              </div>
            ))}
          </div>
        )}
      </div>
      {children}
    </WorkspaceContext.Provider>
  );
}

function conflictText({ mine, theirs }: SaveConflict): string {
  const name = recordName(mine.key, theirs ?? mine.value);
  if (theirs === undefined) return `Another tab deleted ${name}, so this tab’s change to it was not saved.`;
  if (mine.value === undefined) return `Another tab changed ${name}, so this tab did not delete it. Shown now: the other tab’s version.`;
  return `Another tab changed ${name} after this tab last saw it, so this tab’s change was not saved. Shown now: the other tab’s version.`;
}
