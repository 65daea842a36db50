// Memory of the Chromium process tree, read from /proc (Linux only). The browser is a child of
// this Node process (playwright spawns it), so "every descendant of process.pid" is exactly the
// browser, its renderers, GPU/utility processes and (inside the renderer) DuckDB's worker thread.
//
// RSS summed over processes counts shared pages (libraries, shared memory) once per process, so
// the absolute sum overstates memory; the DIFFERENCE between a peak and a baseline taken in the
// same browser a moment earlier is the honest figure, and it is what the bench reports.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

let pageSize = 4096;
try {
  pageSize = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
} catch {
  /* keep 4096 */
}

export const procAvailable = () => fs.existsSync('/proc/self/statm');

/** Pids of every live descendant of `root`. */
export function descendants(root = process.pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  const out = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift();
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Summed resident set size of the given pids, in bytes. */
export function rssOf(pids) {
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageSize;
    } catch {
      /* exited */
    }
  }
  return total;
}

/** Samples the summed RSS of the browser's process tree every `intervalMs` until stopped. */
export class RssSampler {
  constructor({ root = process.pid, intervalMs = 20, refreshPidsMs = 250 } = {}) {
    this.root = root;
    this.intervalMs = intervalMs;
    this.refreshPidsMs = refreshPidsMs;
    this.peak = 0;
    this.samples = 0;
    /** @type {number[]} */
    this.pids = [];
    this.pidsAt = 0;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.timer = undefined;
  }

  /** Mean RSS over `ms`, for a baseline taken while the page is idle. */
  async baseline(ms = 300) {
    const pids = descendants(this.root);
    const xs = [];
    const end = Date.now() + ms;
    while (Date.now() < end) {
      xs.push(rssOf(pids));
      await new Promise((r) => setTimeout(r, this.intervalMs));
    }
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  }

  start() {
    this.peak = 0;
    this.samples = 0;
    this.pids = descendants(this.root);
    this.pidsAt = Date.now();
    const tick = () => {
      if (Date.now() - this.pidsAt > this.refreshPidsMs) {
        this.pids = descendants(this.root);
        this.pidsAt = Date.now();
      }
      const v = rssOf(this.pids);
      this.samples++;
      if (v > this.peak) this.peak = v;
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    return this;
  }

  stop() {
    clearInterval(this.timer);
    return { peak: this.peak, samples: this.samples };
  }
}
