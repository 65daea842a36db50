// The registry of embedded datasets (datasets/manifest.json): each one's source file in datasets/,
// the loader that reads it into its table, and the provenance the app shows for it (publisher,
// vintage, source, licence, sample/estimate marks). tools/build-embedded.mjs loads them into the
// tables the app ships (embedded.ts).

export interface DatasetEntry {
  id: string;
  file: string;
  table: string;
  title: string;
  publisher: string;
  vintage: string;
  source: string;
  license: string;
  /** The loader that builds its table (loaders/registry.ts: a FileLoader's or a SourceLoader's id). */
  loader: string;
  /** Generated data: must be marked "sample" wherever it appears. */
  sample: boolean;
  /** Figures computed by a documented formula rather than published: marked "estimate". */
  estimate: boolean;
  coverage?: string;
  /** Column types for the table loader (e.g. FIPS codes kept as text). */
  types?: Record<string, string>;
  /** The parts of its table the dataset holds (see LoadedDataset.parts), e.g. the fiscal years of H-1B sponsors. */
  parts?: string[];
}

export interface Manifest {
  version: number;
  datasets: DatasetEntry[];
}

const REQUIRED: (keyof DatasetEntry)[] = ['id', 'file', 'table', 'title', 'publisher', 'vintage', 'source', 'license', 'loader'];

export function parseManifest(json: unknown): Manifest {
  const m = json as Partial<Manifest>;
  if (!m || !Array.isArray(m.datasets)) throw new Error('datasets/manifest.json: expected an object with a "datasets" array');
  m.datasets.forEach((d, i) => {
    for (const k of REQUIRED) {
      if (typeof d[k] !== 'string' || d[k] === '') throw new Error(`datasets/manifest.json: datasets[${i}].${k} is missing`);
    }
  });
  return { version: m.version ?? 1, datasets: m.datasets.map((d) => ({ ...d, sample: !!d.sample, estimate: !!d.estimate })) };
}
