import { createContext, useContext } from 'react';
import type { Coordinator } from '../data/coordinator';
import type { LoadedDataset } from '../data/datasets';
import type { UploadOutcome } from '../app/load-file';

export interface Atlas {
  coordinator: Coordinator;
  datasets: LoadedDataset[];
  /** Loads a user's file; resolves to a message for the person, never throws. */
  loadFile: (file: File) => Promise<UploadOutcome>;
}

export const AtlasContext = createContext<Atlas | null>(null);

export function useAtlas(): Atlas {
  const atlas = useContext(AtlasContext);
  if (!atlas) throw new Error('useAtlas outside the loaded app');
  return atlas;
}
