// Bench page for the PapaParse path. The worker starts (and PapaParse loads) when the page loads,
// as the app's DuckDB worker does; the timed interval starts at the file input's change event.
import type { PapaRequest, PapaResponse, PapaSummary } from '../papaparse.worker';

export interface PapaRun {
  t0: number;
  t1: number;
  totalMs: number;
  file: { name: string; size: number };
  summary: PapaSummary;
  heapBefore: number | null;
  heapPeak: number | null;
}

declare global {
  interface Window {
    __papaReady: Promise<void>;
    __papaArm: () => boolean;
    __papaPending?: Promise<PapaRun>;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const worker = new Worker(new URL('../papaparse.worker.ts', import.meta.url), { type: 'module' });
const input = document.querySelector<HTMLInputElement>('#file')!;
const out = document.querySelector<HTMLElement>('#out')!;

function next(): Promise<PapaResponse> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<PapaResponse>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message || 'worker error'));
  });
}
const send = (request: PapaRequest) => worker.postMessage(request);

window.__papaReady = (async () => {
  const reply = next();
  send({ kind: 'ping' });
  await reply;
})();

window.__papaArm = () => {
  const heap = () => performance.memory?.usedJSHeapSize ?? null;
  window.__papaPending = new Promise<PapaRun>((resolve, reject) => {
    input.addEventListener(
      'change',
      () => {
        const t0 = performance.now();
        const heapBefore = heap();
        let heapPeak = heapBefore;
        const sampler = setInterval(() => {
          const h = heap();
          if (h != null && (heapPeak == null || h > heapPeak)) heapPeak = h;
        }, 20);
        const file = input.files![0];
        const reply = next();
        send({ kind: 'parse', file });
        reply.then(
          (r) => {
            const t1 = performance.now();
            clearInterval(sampler);
            if (r.kind !== 'done') {
              reject(new Error(r.kind === 'error' ? r.message : `unexpected reply ${r.kind}`));
              return;
            }
            out.textContent = `Parsed ${file.name}: ${r.summary.designations} designations, ${r.summary.rows} rows in ${(t1 - t0).toFixed(0)} ms`;
            resolve({ t0, t1, totalMs: t1 - t0, file: { name: file.name, size: file.size }, summary: r.summary, heapBefore, heapPeak });
          },
          (e: unknown) => {
            clearInterval(sampler);
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      },
      { once: true },
    );
  });
  window.__papaPending.catch(() => {});
  return true;
};
