import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { emptyWorkspace, type Workspace } from '../model/workspace';
import { loadSavedWorkspace, saveWorkspace } from '../storage/workspace-db';

export type SaveState = 'loading' | 'saved' | 'saving' | 'error';

interface WorkspaceApi {
  workspace: Workspace;
  /** Applies a change; it is saved to this browser at once. */
  update: (change: (ws: Workspace) => Workspace) => void;
  saveState: SaveState;
  saveError: string | null;
}

const WorkspaceContext = createContext<WorkspaceApi | null>(null);

export function useWorkspace(): WorkspaceApi {
  const api = useContext(WorkspaceContext);
  if (!api) throw new Error('useWorkspace outside WorkspaceProvider');
  return api;
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('loading');
  const [saveError, setSaveError] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const current = useRef<Workspace | null>(null);

  useEffect(() => {
    loadSavedWorkspace().then(
      (ws) => {
        current.current = ws ?? emptyWorkspace();
        setWorkspace(current.current);
        setSaveState('saved');
      },
      (e: Error) => {
        // Never overwrite a saved workspace we could not read: start empty, but do not save over it until the user acts.
        current.current = emptyWorkspace();
        setWorkspace(current.current);
        setSaveState('error');
        setSaveError(e.message);
      },
    );
  }, []);

  const update = useCallback((change: (ws: Workspace) => Workspace) => {
    if (!current.current) return;
    const next = { ...change(current.current), savedAt: new Date().toISOString() };
    current.current = next;
    setWorkspace(next);
    setSaveState('saving');
    // Saves run one after another, so the last change is the one that stays.
    queue.current = queue.current
      .then(() => saveWorkspace(next))
      .then(
        () => {
          if (current.current === next) setSaveState('saved');
          setSaveError(null);
        },
        (e: Error) => {
          setSaveState('error');
          setSaveError(`Saving in this browser failed: ${e.message}. Export the workspace to keep a copy.`);
        },
      );
  }, []);

  if (!workspace) return null;
  return <WorkspaceContext.Provider value={{ workspace, update, saveState, saveError }}>{children}</WorkspaceContext.Provider>;
}
