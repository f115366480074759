#!/usr/bin/env node
/**
 * Serves the demo directory on 127.0.0.1 (no dependencies). Build the bundle first
 * (`npm start` does both). Port: `PORT` or 8080; if taken, the next free one (up to 20 tries).
 * Only files inside demo/ are served, GET/HEAD only, with a strict Content-Security-Policy.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const FIRST_PORT = Number.parseInt(process.env.PORT ?? '', 10) || 8080;
const MAX_TRIES = 20;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Maps a URL path to a file under ROOT, or undefined when it would escape ROOT. */
function resolvePath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(ROOT, decoded.endsWith('/') ? decoded + 'index.html' : decoded));
  return file.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep) ? file : undefined;
}

function send(res, status, body) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed\n');
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  const file = resolvePath(url.pathname);
  if (!file) return send(res, 403, 'Forbidden\n');
  let info;
  try {
    info = await stat(file);
  } catch {
    const hint = url.pathname.startsWith('/dist/') ? ' (run `npm run build` or `npm start` first)' : '';
    return send(res, 404, `Not Found${hint}\n`);
  }
  if (!info.isFile()) return send(res, 404, 'Not Found\n');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
});

server.on('listening', () => {
  const { port } = server.address();
  console.log(`cdi-lint demo: http://${HOST}:${port}/  (Ctrl+C to stop)`);
});

/** Listens on `port`, moving to the next port while the current one is taken. */
function listen(port, triesLeft) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && triesLeft > 1) {
      console.log(`port ${port} is busy, trying ${port + 1}`);
      listen(port + 1, triesLeft - 1);
    } else {
      console.error(`demo server: ${error.message}`);
      process.exit(1);
    }
  });
  server.listen(port, HOST);
}

listen(FIRST_PORT, MAX_TRIES);
