// A small static server for the built app (dist/), serving it the way README's "Serving the
// release build" asks of a real host: the right MIME types; the precompressed `name.br` or
// `name.gz` with `Content-Encoding` when the request's Accept-Encoding allows it (as nginx's
// brotli_static/gzip_static or Caddy's `precompressed br gzip` do); hashed files cached for good,
// the rest revalidated; optionally under a sub-path; loopback only.
// Usage: node serve.mjs <dir> <port> [--csp] [--base /sub/path/] [--app-origin http://127.0.0.1:PORT]
// --csp sends the strict Content-Security-Policy the app must work under; --app-origin makes the
// example host page (host/) embed the app from that origin instead of http://127.0.0.1:8090.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Files whose name carries a content hash (trunk's and the loader's): they never change. */
export const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

/** The precompressed copies, best first: the coding and the file's suffix. */
const CODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** Whether an Accept-Encoding header allows `coding` (q=0 refuses; `*` stands for the rest). */
export function accepts(header, coding) {
  const q = new Map();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!name) continue;
    const weight = params.find((p) => p.startsWith('q='));
    q.set(name, weight ? Number(weight.slice(2)) : 1);
  }
  const weight = q.get(coding) ?? q.get('*') ?? 0;
  return weight > 0;
}

const exists = (path) => stat(path).then((s) => s.isFile(), () => false);

/** The app's origin as the example host page names it. */
const HOST_PAGE_APP = 'http://127.0.0.1:8090';

/**
 * Serves `dir` on `port`; `base` is the path it is served under ('/' or e.g. '/tools/assessment/');
 * `appOrigin`, where the example host page's HTML embeds the app from.
 */
export function serve(dir, port, headers = {}, { base = '/', appOrigin } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (base !== '/' && url.pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(base.length - 1))));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const head = {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': HASHED.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      let file = path;
      let precompressed = false;
      for (const [coding, suffix] of CODINGS) {
        if (!(await exists(path + suffix))) continue;
        precompressed = true;
        if (accepts(req.headers['accept-encoding'], coding)) {
          file = path + suffix;
          head['Content-Encoding'] = coding;
          break;
        }
      }
      // Caches must keep the plain and the compressed answers apart.
      if (precompressed) head.Vary = 'Accept-Encoding';
      let body = await readFile(file);
      if (appOrigin && file.endsWith('.html')) body = Buffer.from(body.toString('utf8').replaceAll(HOST_PAGE_APP, appOrigin));
      res.writeHead(200, { ...head, 'Content-Length': body.length, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'";

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [dir = '../../dist', port = '8099', ...flags] = process.argv.slice(2);
  const csp = flags.includes('--csp');
  const option = (name) => (flags.includes(name) ? flags[flags.indexOf(name) + 1] : undefined);
  const base = option('--base') ?? '/';
  await serve(dir, Number(port), csp ? { 'Content-Security-Policy': STRICT_CSP } : {}, { base, appOrigin: option('--app-origin') });
  console.log(`serving ${dir} at http://127.0.0.1:${port}${base}${csp ? ' with a strict CSP' : ''}`);
}
