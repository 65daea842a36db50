import type { Candidate } from '../types';

/** Generated sample candidates (tools/make-sample-pipeline.mjs) carry this id prefix, so every view can mark them. */
export const isSampleId = (id: string): boolean => id.startsWith('SAMPLE-');

export const isSampleCandidate = (c: Candidate): boolean => isSampleId(c.id);
