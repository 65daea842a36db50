// The generated sample pipeline's candidates, read from the app's own origin (loaded on request).
import type { Candidate } from '../../model/types';
import { readPipelineImport, SAMPLE_PIPELINE } from './import-candidates';

export async function fetchSampleCandidates(base: string, get: typeof fetch = fetch): Promise<Candidate[]> {
  const res = await get(new URL(SAMPLE_PIPELINE.path, base));
  if (!res.ok) throw new Error(`the sample pipeline could not be loaded (HTTP ${res.status})`);
  const { imported, message } = readPipelineImport(await res.text(), SAMPLE_PIPELINE.name);
  if (!imported) throw new Error(message.text);
  return imported;
}
