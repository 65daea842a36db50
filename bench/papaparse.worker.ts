// The PapaParse side of the national-ingest pair, as a module worker (PapaParse's own
// `worker: true` breaks after a Vite production build). It receives the File the user picked,
// lets PapaParse read and parse it (header: true → one object per row), then computes the same
// aggregate the app's first views need: distinct HPSA IDs by status and rows by county FIPS.
import Papa from 'papaparse';

export interface PapaSummary {
  rows: number;
  fields: number;
  parseErrors: number;
  designations: number;
  designationsByStatus: Record<string, number>;
  counties: number;
  parseMs: number;
  aggregateMs: number;
}

export type PapaRequest = { kind: 'ping' } | { kind: 'parse'; file: File };
export type PapaResponse = { kind: 'pong' } | { kind: 'done'; summary: PapaSummary } | { kind: 'error'; message: string };

type Row = Record<string, string | undefined>;

const reply = (message: PapaResponse) => self.postMessage(message);

function aggregate(rows: Row[]) {
  const idsByStatus = new Map<string, Set<string>>();
  const allIds = new Set<string>();
  const byCounty = new Map<string, number>();
  for (const row of rows) {
    const id = row['HPSA ID'] ?? '';
    const status = row['HPSA Status'] ?? '';
    let ids = idsByStatus.get(status);
    if (!ids) idsByStatus.set(status, (ids = new Set()));
    ids.add(id);
    allIds.add(id);
    const fips = row['State and County Federal Information Processing Standard Code'] ?? '';
    byCounty.set(fips, (byCounty.get(fips) ?? 0) + 1);
  }
  return {
    designations: allIds.size,
    designationsByStatus: Object.fromEntries([...idsByStatus].map(([status, ids]) => [status, ids.size])),
    counties: byCounty.size,
  };
}

self.onmessage = (event: MessageEvent<PapaRequest>) => {
  const request = event.data;
  if (request.kind === 'ping') {
    reply({ kind: 'pong' });
    return;
  }
  const start = performance.now();
  Papa.parse<Row>(request.file, {
    header: true,
    skipEmptyLines: true,
    complete: (result) => {
      const parsed = performance.now();
      try {
        const agg = aggregate(result.data);
        reply({
          kind: 'done',
          summary: {
            rows: result.data.length,
            fields: result.meta.fields?.length ?? 0,
            parseErrors: result.errors.length,
            ...agg,
            parseMs: parsed - start,
            aggregateMs: performance.now() - parsed,
          },
        });
      } catch (e) {
        reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    },
    error: (e) => reply({ kind: 'error', message: e.message }),
  });
};
