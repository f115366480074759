/**
 * The CSP check's static server (node:http, no dependencies): serves the demo page and its bundle
 * (`demo/index.html`, `demo/styles.css`, `demo/dist/**`) on 127.0.0.1 with the policy under test
 * on every response (the worker script included, so the worker runs under it too), and records
 * every request it receives and every CSP violation report the browser POSTs to `REPORT_PATH`.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** Where the policy's `report-uri` points; the browser POSTs one JSON report per violation. */
export const REPORT_PATH = '/__csp-report';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Starts the server. `root` is the directory served (`/` is `root/index.html`); `policy` is the
 * Content-Security-Policy value, to which `report-uri REPORT_PATH` is appended.
 * Resolves with `{ origin, requests, reports, close() }`; `requests` and `reports` fill as they come.
 */
export function startServer({ root, policy }) {
  const base = root.endsWith(sep) ? root : root + sep;
  const requests = [];
  const reports = [];
  const headers = {
    'Content-Security-Policy': `${policy}; report-uri ${REPORT_PATH}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    if (req.method === 'POST' && url.pathname === REPORT_PATH) {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        reports.push(body['csp-report'] ?? body);
      } catch {
        reports.push({ unreadable: true });
      }
      return res.writeHead(204).end();
    }
    if (req.method !== 'GET') return res.writeHead(405, headers).end();
    const file = normalize(join(base, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!file.startsWith(base)) return res.writeHead(403, headers).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        reports,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
