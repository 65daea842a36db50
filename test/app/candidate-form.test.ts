// Adding, editing, duplicating and deleting one candidate: ids never collide, an edit keeps the
// candidate's place, a delete is undone into the same place unless the id was saved again since.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankCandidateForm,
  checkCandidateForm,
  duplicateForm,
  restoreCandidate,
  withCandidate,
  withoutCandidate,
} from '../../src/app/pipeline/candidate-form';
import { candidateRow } from '../../src/model/pipeline';
import { makeCandidate } from '../helpers/candidate';

const TODAY = '2026-12-07';
const saved = ['A', 'B', 'C'].map((id) => makeCandidate({ id }));

describe('the candidate form', () => {
  it('refuses an id another saved candidate has, but lets an edit keep its own', () => {
    const asB = { ...candidateRow(saved[0]), candidate_id: 'B' };
    expect(checkCandidateForm(asB, { saved, editing: null, today: TODAY }).errors.map((e) => e.column)).toEqual(['candidate_id']);
    expect(checkCandidateForm(asB, { saved, editing: 'A', today: TODAY }).errors.map((e) => e.column)).toEqual(['candidate_id']);
    const own = checkCandidateForm(candidateRow(saved[1]), { saved, editing: 'B', today: TODAY });
    expect(own.errors).toEqual([]);
    expect(own.candidate).toEqual({ ...saved[1], h1bYearsUsed: null });
  });

  it('starts blank with a required id and specialty, named as the importer names them', () => {
    const check = checkCandidateForm(blankCandidateForm(TODAY), { saved, editing: null, today: TODAY });
    expect(check.candidate).toBeUndefined();
    expect(check.errors.map((e) => e.column)).toEqual(['candidate_id', 'specialty', 'site_state']);
  });

  it('saves an edit in the candidate’s place and a new one at the end; a copy takes the first free id', () => {
    expect(withCandidate(saved, makeCandidate({ id: 'B2' }), 'B').map((c) => c.id)).toEqual(['A', 'B2', 'C']);
    expect(withCandidate(saved, makeCandidate({ id: 'D' }), null).map((c) => c.id)).toEqual(['A', 'B', 'C', 'D']);
    const withCopy = [...saved, makeCandidate({ id: 'A (copy)' })];
    expect(duplicateForm(saved[0], withCopy).candidate_id).toBe('A (copy 2)');
  });

  it('undoes any delete into the same place, unless a candidate with that id was saved since', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.nat(), (ids, pick) => {
        const list = ids.map((id) => makeCandidate({ id }));
        const id = ids[pick % ids.length];
        const { candidates, removed } = withoutCandidate(list, id);
        expect(candidates.map((c) => c.id)).toEqual(ids.filter((x) => x !== id));
        expect(restoreCandidate(candidates, removed!)).toEqual(list);
        expect(restoreCandidate([...candidates, makeCandidate({ id })], removed!)).toBeNull();
      }),
    );
  });
});
