import { describe, it, expect } from 'vitest';
import { dataUsedText, partlyReplacedText, type DataUsedDataset } from '../../src/app/data/data-used';

const embedded: DataUsedDataset = { origin: 'embedded', title: 'HRSA primary care HPSAs' };
const upload = (name: string, replacedBy?: string): DataUsedDataset => ({
  origin: 'upload',
  title: `A file (your file)`,
  file: { name },
  ...(replacedBy ? { replacedBy } : {}),
});

describe('which data the plan strip and the report say they used (issue 22: 2)', () => {
  it('names no file of the person’s when none is loaded', () => {
    expect(dataUsedText([embedded])).toBe('Data: the embedded federal datasets (no file of yours is loaded).');
  });

  it('names each file of the person’s loaded now, once, and not one a later file replaced', () => {
    const text = dataUsedText([embedded, upload('lca.csv'), upload('old.csv', 'upload-3'), upload('h1b.csv'), upload('lca.csv')]);
    expect(text).toBe('Data: your files lca.csv and h1b.csv, and the embedded federal datasets for the rest.');
  });

  it('while the last visit’s files load again, says so instead of “no file of yours is loaded”', () => {
    expect(dataUsedText([embedded], [], ['lca.csv', 'h1b.csv'])).toBe(
      'Data: the embedded federal datasets for now. Loading again from your last visit: lca.csv and h1b.csv.',
    );
    // One back already, one still loading.
    expect(dataUsedText([embedded, upload('lca.csv')], [], ['lca.csv', 'h1b.csv'])).toBe(
      'Data: your file lca.csv, and the embedded federal datasets for the rest. Loading again from your last visit: h1b.csv.',
    );
  });

  it('names the files loaded before that are not loaded now', () => {
    expect(dataUsedText([embedded], ['lca.csv'])).toContain('Not loaded now: lca.csv');
  });
});

describe('an embedded dataset a file of the person’s replaced in part (one fiscal year of two)', () => {
  const mine = { id: 'upload-2', origin: 'upload' as const, title: 'H-1B sponsors (your file)', file: { name: 'h1b-2022.csv' } };
  it('says by which file, and how many of its rows are still used', () => {
    const embeddedH1b = { rows: 8009, rowsLeft: 3296, partlyReplacedBy: ['upload-2'] };
    expect(partlyReplacedText(embeddedH1b, [mine])).toBe('partly replaced by your file h1b-2022.csv: 3,296 of its 8,009 rows still used');
  });
  it('says nothing of a dataset no file touched', () => {
    expect(partlyReplacedText({ rows: 8009 }, [mine])).toBeNull();
  });
});
