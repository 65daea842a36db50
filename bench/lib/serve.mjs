// A tiny static server: mounts directories at sub-paths (dist/ at /atlas/, the bench page at
// /bench/), so relative asset paths are exercised as on a real host. Files are read once and kept
// in memory, so disk reads never show up in timings. No compression, like the static host the app
// is deployed to (the bench reports a gzip estimate beside the raw transfer).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * mounts: { '/atlas/': '/abs/dist', '/bench/': '/abs/page-build' }.
 * Returns { origin, url(mount), fileFor(url) → absolute file or null, close() }.
 */
export function serve(mounts) {
  const cache = new Map();
  const fileFor = (rawUrl) => {
    const url = new URL(rawUrl, 'http://x');
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!url.pathname.startsWith(prefix)) continue;
      let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(dir, rel);
      if (!file.startsWith(path.resolve(dir) + path.sep)) return null;
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return null;
      return file;
    }
    return null;
  };
  const server = http.createServer((req, res) => {
    const file = fileFor(req.url ?? '/');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    let body = cache.get(file);
    if (!body) cache.set(file, (body = fs.readFileSync(file)));
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const origin = `http://127.0.0.1:${address.port}`;
      resolve({
        origin,
        url: (mount) => origin + mount,
        fileFor,
        close: () =>
          /** @type {Promise<void>} */ (
            new Promise((r) => {
              server.closeAllConnections?.();
              server.close(() => r());
            })
          ),
      });
    });
  });
}
