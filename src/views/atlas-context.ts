import { createContext, useContext } from 'react';
import type { Coordinator } from '../data/cache/coordinator';
import type { LoadedDataset } from '../data/loaders/dataset';
import type { FileLoad, LoadOptions } from '../app/data/load-file';

/** The query engine: the map works before it is up; uploads and SQL-only screens wait for it. */
export type EngineState = 'starting' | 'ready' | 'failed';

export interface Atlas {
  coordinator: Coordinator;
  datasets: LoadedDataset[];
  /**
   * Loads a user's file (once the engine has started) and adds it to `datasets`; resolves to a
   * message for the person and what was loaded; never throws.
   */
  loadFile: (file: File, options?: LoadOptions) => Promise<FileLoad>;
  engine: EngineState;
  /** The map calls this once it has drawn data: the app is then ready. */
  markDrawn: () => void;
}

export const AtlasContext = createContext<Atlas | null>(null);

export function useAtlas(): Atlas {
  const atlas = useContext(AtlasContext);
  if (!atlas) throw new Error('useAtlas outside the loaded app');
  return atlas;
}
