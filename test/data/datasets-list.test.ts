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
  it('marks the datasets whose parts (here HPSA disciplines) the upload covers as replaced, and only those', () => {
    const embedded = [
      dataset('pc', ['Primary Care']),
      dataset('mh', ['Mental Health']),
      dataset('states', [], { table: 'ref_states' }),
      dataset('pc-other-table', ['Primary Care'], { table: 'other' }),
    ];
    const upload = dataset('upload-1', ['Primary Care', 'Dental Health'], { origin: 'upload' });
    const after = withUpload(embedded, upload);
    expect(after.map((d) => [d.id, d.replacedBy ?? null])).toEqual([
      ['pc', 'upload-1'],
      ['mh', null],
      ['states', null],
      ['pc-other-table', null],
      ['upload-1', null],
    ]);
    expect(embedded[0].replacedBy).toBeUndefined(); // the list given is not changed
    // A later upload replaces an earlier one only when it covers all of its parts; earlier marks stay.
    const partly = withUpload(after, dataset('upload-2', ['Primary Care'], { origin: 'upload' }));
    expect(partly.find((d) => d.id === 'upload-1')?.replacedBy).toBeUndefined();
    const fully = withUpload(after, dataset('upload-3', ['Dental Health', 'Primary Care'], { origin: 'upload' }));
    expect(fully.find((d) => d.id === 'pc')?.replacedBy).toBe('upload-1');
    expect(fully.find((d) => d.id === 'upload-1')?.replacedBy).toBe('upload-3');
  });

  it('replaces the embedded H-1B sponsors only once every fiscal year they hold is loaded again', () => {
    const embedded = [
      dataset('uscis', ['FY2022', 'FY2023'], { table: 'h1b_sponsors' }),
      dataset('dol', ['filings'], { table: 'lca_filings' }),
    ];
    const one = withUpload(embedded, dataset('fy2023', ['FY2023'], { table: 'h1b_sponsors', origin: 'upload' }));
    expect(one.find((d) => d.id === 'uscis')?.replacedBy).toBeUndefined();
    const both = withUpload(one, dataset('fy22-23', ['FY2022', 'FY2023', 'FY2024'], { table: 'h1b_sponsors', origin: 'upload' }));
    expect(both.find((d) => d.id === 'uscis')?.replacedBy).toBe('fy22-23');
    const dol = withUpload(embedded, dataset('new-dol', ['filings'], { table: 'lca_filings', origin: 'upload' }));
    expect(dol.find((d) => d.id === 'dol')?.replacedBy).toBe('new-dol');
  });
});
