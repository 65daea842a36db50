// Browser tests drive the BUILT app (dist/) in a real headless Chromium with playwright-core.
// dist/ is served from a sub-path, so relative asset paths are tested too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer } from 'vite';
// Chromium flags, the Chromium finder and the static server are the benchmark's, shared.
import { CHROMIUM_FLAGS, chromiumPath } from '../../bench/lib/browser.mjs';
import { serve } from '../../bench/lib/serve.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const SUB_PATH = '/atlas/';

export async function serveDist(): Promise<{ origin: string; url: string; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const server = await serve({ [SUB_PATH]: DIST });
  return { origin: server.origin, url: server.url(SUB_PATH), close: () => server.close() };
}

export async function launch(): Promise<{ browser: Browser; context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: CHROMIUM_FLAGS,
  });
  return {
    browser: context.browser()!,
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Records console errors and every request that leaves the app's own origin. */
export function watch(page: Page, origin: string): { consoleErrors: string[]; offOrigin: string[] } {
  const seen = { consoleErrors: [] as string[], offOrigin: [] as string[] };
  page.on('console', (m) => {
    if (m.type() === 'error') seen.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => seen.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) seen.offOrigin.push(u);
  });
  return seen;
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('.app[data-ready="true"]', { timeout: 120_000 });
}

export interface OpenApp {
  server: Awaited<ReturnType<typeof serveDist>>;
  browser: Awaited<ReturnType<typeof launch>>;
  page: Page;
  seen: ReturnType<typeof watch>;
}

/**
 * A browser test's start: the built app served, a fresh Chromium profile, a page watched for console
 * errors and off-origin requests, opened at `at` (a query and/or hash) and ready.
 */
export async function openApp(
  at = '',
  options: { timeoutMs?: number; viewport?: { width: number; height: number } } = {},
): Promise<OpenApp> {
  const server = await serveDist();
  const browser = await launch();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(options.timeoutMs ?? 30_000);
  if (options.viewport) await page.setViewportSize(options.viewport);
  const seen = watch(page, server.origin);
  await page.goto(`${server.url}${at}`);
  await waitReady(page);
  return { server, browser, page, seen };
}

/**
 * A blank page served by Vite's dev server, whose `window.load(path)` imports the app's source
 * modules (test/browser/pages/blank.html): for tests of modules in a real Chromium. Watched like
 * openApp's page.
 */
export async function openModulesPage(
  include: string[] = [],
): Promise<{ page: Page; seen: ReturnType<typeof watch>; close: () => Promise<void> }> {
  const vite = await createServer({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, hmr: false },
    optimizeDeps: { include },
  });
  await vite.listen();
  const browser = await launch();
  const page = await browser.context.newPage();
  const url = vite.resolvedUrls!.local[0];
  const seen = watch(page, new URL(url).origin);
  await page.goto(new URL('test/browser/pages/blank.html', url).href);
  return {
    page,
    seen,
    close: async () => {
      await browser.close();
      await vite.close();
    },
  };
}

export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: number; help: string }[]> {
  const source = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string; nodes: unknown[]; help: string }[] };
    const axe = (window as unknown as { axe: { run(d: Document, o: object): Promise<AxeResult> } }).axe; // injected above
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; nodes: unknown[]; help: string }) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      help: v.help,
    }));
  });
}

export const SCREENSHOTS = path.join(ROOT, '.tmp/screenshots');
