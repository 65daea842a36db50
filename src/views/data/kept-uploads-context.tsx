// The files kept in this browser, as the screens see them: restored when the app opens, loaded
// when another tab keeps one, named when gone. The keeping itself is src/app/data/kept-uploads.ts.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { UploadKeeper, type GoneUpload, type KeptUploadsState } from '../../app/data/kept-uploads';
import type { LoadedDataset } from '../../data/loaders/dataset';
import { useAtlas } from '../atlas-context';

export interface KeptUploadsApi extends KeptUploadsState {
  /** After an upload of this tab: keeps the file; resolves to what to tell the person. */
  keep: (file: File, dataset: LoadedDataset, remaining: Record<string, number>) => Promise<{ kept: boolean; text: string }>;
  forget: (seq: number) => void;
  dismiss: (gone: GoneUpload) => void;
}

const KeptUploadsContext = createContext<KeptUploadsApi | null>(null);

export function useKeptUploads(): KeptUploadsApi {
  const api = useContext(KeptUploadsContext);
  if (!api) throw new Error('useKeptUploads outside KeptUploadsProvider');
  return api;
}

export function KeptUploadsProvider({ children }: { children: ReactNode }) {
  const { loadFile } = useAtlas();
  // The keeper lives as long as the app (a new one would restore the files again): it loads through the latest loadFile.
  const load = useRef(loadFile);
  useEffect(() => {
    load.current = loadFile;
  }, [loadFile]);
  const [state, setState] = useState<KeptUploadsState>({ restoring: true, kept: [], gone: [], outcomes: [], notices: [] });
  const [keeper, setKeeper] = useState<UploadKeeper | null>(null);

  useEffect(() => {
    const started = new UploadKeeper((file) => load.current(file), setState);
    setKeeper(started);
    void started.start();
    const onVisible = () => document.visibilityState === 'visible' && void started.checkForMissed();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      started.close();
    };
  }, []);

  const api = useMemo<KeptUploadsApi>(
    () => ({
      ...state,
      keep: (file, dataset, remaining) =>
        keeper
          ? keeper.keep(file, dataset, remaining)
          : Promise.resolve({ kept: false, text: 'Not kept: the store of kept files is not open.' }),
      forget: (seq) => void keeper?.forget(seq),
      dismiss: (gone) => void keeper?.dismiss(gone),
    }),
    [state, keeper],
  );
  return <KeptUploadsContext.Provider value={api}>{children}</KeptUploadsContext.Provider>;
}
