// Injected into every bench page with page.addInitScript(installPageHelpers) BEFORE the app's
// own scripts run. It times things inside the page (performance.now(), ms since navigation start)
// so no DevTools-protocol round trip is ever inside a measured interval. Self-contained: playwright
// serialises the function's source.
//
// Contract with the app (all optional; each measure degrades to "skipped" without it):
//   .app[data-ready="true"]                    everything loaded (cold start ends here)
//   [data-query-state="loading"|"done"]        on every view that queries; "done" = redrawn
//   [data-data-version]                        on views: changes when the view shows other figures (a
//                                              view answered at once never goes "loading")
//   [data-testid="shortage-map"][data-data-version]  changes when the map shows new data
//   [data-testid="upload-message"]             text "Loaded <file>: …" after an upload
export function installPageHelpers() {
  if (window.__bench) return;
  const now = () => performance.now();
  /** @type {any} */
  const b = {
    readyAt: null,
    /** Last time any [data-query-state] element was seen not "done" (or appeared not done). */
    lastLoadingAt: -1,
    /** Last time a view's data-data-version changed (it shows other figures). */
    lastVersionAt: -1,
    /** Element → last time it turned "done", for per-view breakdowns. */
    doneAt: new WeakMap(),
    listeners: new Set(),
  };
  window.__bench = b;

  const views = () => document.querySelectorAll('[data-query-state]');
  b.viewCount = () => views().length;
  b.allDone = () => {
    const els = views();
    if (!els.length) return false;
    for (const el of els) if (el.getAttribute('data-query-state') !== 'done') return false;
    return true;
  };
  const isReadyApp = (el) => el.nodeType === 1 && el.matches('.app[data-ready="true"]');
  const notDone = '[data-query-state]:not([data-query-state="done"])';

  const observer = new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      if (r.type === 'attributes') {
        const el = /** @type {Element} */ (r.target);
        if (r.attributeName === 'data-query-state') {
          if (el.getAttribute('data-query-state') !== 'done') b.lastLoadingAt = t;
          else b.doneAt.set(el, t);
        }
        if (r.attributeName === 'data-ready' && b.readyAt === null && isReadyApp(el)) b.readyAt = t;
        if (r.attributeName === 'data-data-version' && el.hasAttribute('data-query-state')) {
          b.lastVersionAt = t;
          b.doneAt.set(el, t);
        }
      } else if (r.type === 'childList') {
        for (const node of r.addedNodes) {
          if (node.nodeType !== 1) continue;
          const n = /** @type {Element} */ (node);
          if (n.matches(notDone) || n.querySelector(notDone)) b.lastLoadingAt = t;
          if (b.readyAt === null && (isReadyApp(n) || n.querySelector('.app[data-ready="true"]'))) b.readyAt = t;
        }
      }
    }
    for (const l of [...b.listeners]) l(t);
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-query-state', 'data-ready', 'data-data-version'],
  });

  /**
   * Resolves with the time (ms since navigation start) at which `predicate()` first holds, checked
   * on every DOM mutation batch (and, as a safety net, every 100 ms). Rejects after timeoutMs.
   */
  b.waitFor = (predicate, timeoutMs = 60000, what = 'condition') =>
    new Promise((resolve, reject) => {
      const done = (t, err) => {
        b.listeners.delete(check);
        clearInterval(poll);
        clearTimeout(timer);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(t);
      };
      const check = (t) => {
        try {
          if (predicate()) done(t ?? now());
        } catch (e) {
          done(0, e);
        }
      };
      b.listeners.add(check);
      const poll = setInterval(() => check(now()), 100);
      const timer = setTimeout(() => done(0, new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      check(now());
    });

  /**
   * Views redrawn after a change made at t0: some view went "loading" or showed other figures
   * (data-data-version) after t0, and now every view is "done". If neither happened within graceMs
   * of graceFrom (nothing to redo), resolves once all are done, flagged noop.
   */
  b.waitViews = async (t0, timeoutMs = 60000, graceMs = 1000, graceFrom = t0) => {
    let noop = false;
    const t = await b.waitFor(
      () => {
        if (!b.allDone()) return false;
        if (b.lastLoadingAt >= t0 || b.lastVersionAt >= t0) return true;
        if (now() - graceFrom > graceMs) return (noop = true);
        return false;
      },
      timeoutMs,
      'every [data-query-state] to be "done"',
    );
    return { t, noop };
  };

  /** The next frame after now: rAF, then a task (the frame has been produced by then). */
  b.nextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(now());
        ch.port2.postMessage(0);
      }),
    );

  const heap = () => performance.memory?.usedJSHeapSize ?? null;
  /** Samples the page's JS heap (main thread only) every 20 ms; stop() → peak bytes. */
  b.heapSampler = () => {
    let peak = heap() ?? 0;
    const id = setInterval(() => {
      const h = heap();
      if (h != null && h > peak) peak = h;
    }, 20);
    return {
      stop: () => {
        clearInterval(id);
        const h = heap();
        if (h != null && h > peak) peak = h;
        return peak;
      },
    };
  };

  /**
   * Arms an upload measurement on the app: call, then set the file input, then await b.pending.
   * t0 = the input's change event (capture phase, before the app's handler), so reading the File
   * is inside the interval. Ends when the upload message says "Loaded" and, if the map exists,
   * when it shows the new data (data-data-version changed, or else every view "done" again).
   */
  b.armUpload = (inputSelector) => {
    const input = document.querySelector(inputSelector);
    if (!input) throw new Error(`no ${inputSelector} in the page`);
    const map = () => document.querySelector('[data-testid="shortage-map"]');
    const versionBefore = map()?.getAttribute('data-data-version') ?? null;
    const heapBefore = heap();
    const sampler = b.heapSampler();
    /** @type {(e: Event) => void} */
    let onChange = () => {};
    /** @type {Promise<{ t0: number, file: { name: string, size: number } | null }>} */
    const started = new Promise((resolve) => {
      onChange = (e) => {
        if (e.target !== input) return;
        window.removeEventListener('change', onChange, true);
        const picked = /** @type {HTMLInputElement} */ (input).files?.[0];
        resolve({ t0: now(), file: picked ? { name: picked.name, size: picked.size } : null });
      };
      window.addEventListener('change', onChange, true);
    });
    b.pending = (async () => {
      try {
        const { t0, file } = await started;
        const message = () => document.querySelector('[data-testid="upload-message"]');
        let text = '';
        const tLoaded = await b.waitFor(
          () => {
            const el = message();
            text = el?.textContent?.trim() ?? '';
            if (text.startsWith('Loaded ')) return true;
            if (el?.querySelector('.error, [role="alert"]') || el?.getAttribute('role') === 'alert')
              throw new Error(`upload failed: ${text}`);
            return false;
          },
          120000,
          'the upload message to say "Loaded"',
        );
        const out = { t0, tLoaded, loadedMs: tLoaded - t0, message: text, file, waitedFor: 'upload message' };
        const m = map();
        if (m && versionBefore !== null) {
          const tMap = await b.waitFor(
            () => map()?.getAttribute('data-data-version') !== versionBefore,
            60000,
            'the map data-data-version to change',
          );
          Object.assign(out, { tViews: tMap, waitedFor: 'shortage-map data-data-version' });
        } else if (b.viewCount() > 0) {
          const { t, noop } = await b.waitViews(t0, 60000, 500, tLoaded);
          Object.assign(out, {
            tViews: t,
            viewsNoop: noop,
            waitedFor: m ? 'every [data-query-state] done (map has no data-data-version yet)' : 'every [data-query-state] done (no map)',
          });
        }
        out.totalMs = Math.max(out.tLoaded, out.tViews ?? 0) - t0;
        out.heapBefore = heapBefore;
        out.heapPeak = sampler.stop();
        return out;
      } catch (e) {
        sampler.stop();
        window.removeEventListener('change', onChange, true);
        throw e;
      }
    })();
    // Keep an unhandled rejection from surfacing before the caller awaits it.
    b.pending.catch(() => {});
    return true;
  };

  /**
   * Interaction: `changes` value changes of a <select>, each timed from dispatching the change
   * event to every [data-query-state] "done" (and to the next frame after that). Returns samples.
   */
  b.selectLoop = async (selector, values, { settleMs = 30, timeoutMs = 30000 } = {}) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    // The prototype's setter, as a user's pick sets it (React tracks the element's own value property).
    const descriptor = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value');
    const setValue = (target, v) => descriptor?.set?.call(target, v);
    const out = [];
    for (const value of values) {
      await new Promise((r) => setTimeout(r, settleMs));
      const current = document.querySelector(selector);
      const t0 = now();
      setValue(current, value);
      current.dispatchEvent(new Event('change', { bubbles: true }));
      const { t, noop } = await b.waitViews(t0, timeoutMs, 1000);
      const tFrame = await b.nextFrame();
      // Per view: when it last turned "done" (views that never went loading count as 0).
      const perView = {};
      for (const v of views()) {
        const name = v.getAttribute('data-testid') || v.getAttribute('aria-labelledby') || v.tagName.toLowerCase();
        const d = b.doneAt.get(v);
        perView[name] = d != null && d >= t0 ? d - t0 : 0;
      }
      out.push({ value, doneMs: t - t0, frameMs: tFrame - t0, noop, perView });
    }
    return out;
  };
}
