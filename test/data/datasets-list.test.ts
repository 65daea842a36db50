import { describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../../src/data/loaders/dataset';
import { withUpload } from '../../src/data/loaders/dataset';

const dataset = (id: string, parts: string[], extra: Partial<LoadedDataset> = {}): LoadedDataset => ({
  id,
  title: id,
  publisher: 'HRSA',
  vintage: 'v',
  source: `source of ${id}`,
  license: 'public domain',
  sample: false,
  estimate: false,
  table: 'hpsa',
  origin: 'embedded',
  format: 'hrsa-hpsa-detail',
  rows: 1,
  parts,
  summary: '',
  warnings: [],
  ...extra,
});

describe('the dataset list after an upload', () => {
  it('marks a dataset of the upload’s table replaced when none of its rows is left, partly when some are, and leaves other tables alone', () => {
    const embedded = [
      dataset('pc', ['Primary Care'], { rows: 10 }),
      dataset('mh', ['Mental Health'], { rows: 4 }),
      dataset('states', [], { table: 'ref_states' }),
      dataset('pc-other-table', ['Primary Care'], { table: 'other' }),
    ];
    const upload = dataset('upload-1', ['Primary Care', 'Dental Health'], { origin: 'upload', rows: 7 });
    const after = withUpload(embedded, upload, { mh: 4, 'upload-1': 7 });
    expect(after.map((d) => [d.id, d.replacedBy ?? null])).toEqual([
      ['pc', 'upload-1'],
      ['mh', null],
      ['states', null],
      ['pc-other-table', null],
      ['upload-1', null],
    ]);
    expect(embedded[0].replacedBy).toBeUndefined(); // the list given is not changed
    // A later upload that leaves some of an earlier one's rows replaces it in part; earlier marks stay.
    const partly = withUpload(after, dataset('upload-2', ['Primary Care'], { origin: 'upload' }), { mh: 4, 'upload-1': 3, 'upload-2': 4 });
    expect(partly.find((d) => d.id === 'upload-1')).toMatchObject({ rowsLeft: 3, partlyReplacedBy: ['upload-2'] });
    expect(partly.find((d) => d.id === 'upload-1')?.replacedBy).toBeUndefined();
    const fully = withUpload(partly, dataset('upload-3', ['Dental Health', 'Primary Care'], { origin: 'upload' }), {
      mh: 4,
      'upload-3': 9,
    });
    expect(fully.find((d) => d.id === 'pc')?.replacedBy).toBe('upload-1');
    expect(fully.find((d) => d.id === 'upload-1')?.replacedBy).toBe('upload-3');
    // Replaced whole after being replaced in part: no longer "partly replaced", no rows left to count.
    expect(fully.find((d) => d.id === 'upload-1')).not.toHaveProperty('partlyReplacedBy');
    expect(fully.find((d) => d.id === 'upload-1')).not.toHaveProperty('rowsLeft');
    expect(fully.find((d) => d.id === 'upload-2')?.replacedBy).toBe('upload-3');
  });
});
