// Adding, editing, duplicating and deleting one candidate on the Pipeline screen. The form holds the
// template's columns as text and is read by the importer's own reader (readCandidateRow), so a
// candidate typed here passes the same rules with the same messages as a row of an imported CSV.
import { PIPELINE_TEMPLATE_COLUMNS, candidateRow, readCandidateRow, type PipelineColumn, type RowProblem } from '../../model/pipeline';
import type { Candidate, IsoDate } from '../../model/types';
import type { CountyNames } from '../common/county-names';
import { countyByNameIn } from './import-candidates';

export type CandidateFormValues = Record<PipelineColumn, string>;

/** A new candidate's form: the template's columns blank but for the codes most rows start with. */
export function blankCandidateForm(today: IsoDate): CandidateFormValues {
  const blank = Object.fromEntries(PIPELINE_TEMPLATE_COLUMNS.map((column) => [column, ''])) as CandidateFormValues;
  return {
    ...blank,
    profession: 'physician',
    stage: 'sourced',
    stage_date: today,
    visa_route: 'us-authorized',
    visa_status: 'not-started',
  };
}

export interface FormCheck {
  /** The candidate to save; undefined while any error stands. */
  candidate: Candidate | undefined;
  errors: RowProblem[];
  /** Kept, with something to check against the rules (as at import). */
  warnings: RowProblem[];
}

/**
 * The form read as an imported row, and its id checked against the saved candidates: an id already
 * saved is refused (a CSV row would replace that candidate; a form never overwrites another one).
 * `editing`: the id of the candidate being edited, which its own id may keep.
 */
export function checkCandidateForm(
  values: CandidateFormValues,
  context: { saved: readonly Candidate[]; editing: string | null; today: IsoDate; names?: CountyNames },
): FormCheck {
  const read = readCandidateRow(values, {
    today: context.today,
    ...(context.names ? { countyByName: countyByNameIn(context.names) } : {}),
  });
  const id = values.candidate_id.trim();
  const errors = [...read.errors];
  if (id !== '' && id !== context.editing && context.saved.some((c) => c.id === id)) {
    errors.unshift({ column: 'candidate_id', value: id, message: 'duplicate candidate_id; a saved candidate already has it' });
  }
  return { candidate: errors.length ? undefined : read.candidate, errors, warnings: read.warnings };
}

/** The list with the candidate saved: in the edited one's place, or added at the end. */
export function withCandidate(saved: readonly Candidate[], candidate: Candidate, editing: string | null): Candidate[] {
  const at = editing === null ? -1 : saved.findIndex((c) => c.id === editing);
  if (at < 0) return [...saved, candidate];
  return saved.map((c, i) => (i === at ? candidate : c));
}

/** A copy's form: the candidate's values under the first free id "C-0001 (copy)", "C-0001 (copy 2)"… */
export function duplicateForm(candidate: Candidate, saved: readonly Candidate[]): CandidateFormValues {
  const taken = new Set(saved.map((c) => c.id));
  let id = `${candidate.id} (copy)`;
  for (let n = 2; taken.has(id); n++) id = `${candidate.id} (copy ${n})`;
  return { ...candidateRow(candidate), candidate_id: id };
}

export interface Removed {
  candidate: Candidate;
  /** Where it was, to put it back there. */
  index: number;
}

export function withoutCandidate(saved: readonly Candidate[], id: string): { candidates: Candidate[]; removed: Removed | null } {
  const index = saved.findIndex((c) => c.id === id);
  if (index < 0) return { candidates: [...saved], removed: null };
  return { candidates: saved.filter((_, i) => i !== index), removed: { candidate: saved[index], index } };
}

/** Undo a delete: the candidate back in its place; null when a candidate with its id was saved since (that one is kept). */
export function restoreCandidate(saved: readonly Candidate[], removed: Removed): Candidate[] | null {
  if (saved.some((c) => c.id === removed.candidate.id)) return null;
  const at = Math.min(removed.index, saved.length);
  return [...saved.slice(0, at), removed.candidate, ...saved.slice(at)];
}
