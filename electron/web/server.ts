import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/api.js';
import type { CallResult, ServerEvent } from '../../shared/api/wire.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security.js';
import { bodyLimit, parseBody, readBody, SMALL_BODY } from './body.js';

/** The page learns its token and session from this meta tag; `renderer/src/api.ts` reads it. */
export const API_META = 'home-desk-api';
/** How often an open event stream is checked (and kept open through proxies): a desk that went idle stops hearing. */
const PING_MS = 25_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface WebHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  core: Core;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  port?: number;
  /** Tests only (`--test-clock`): `POST /__test/clock {"now": ms}` with the token moves the core's clock. */
  testClock?: { set(ms: number): void };
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': type.startsWith('text/html') || type.startsWith('application/json') ? 'no-store' : 'no-cache',
  });
  res.end(body);
}

function sendResult(res: http.ServerResponse, status: number, result: CallResult): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function refuse(res: http.ServerResponse, status: number, code: ErrorCode): void {
  sendResult(res, status, { ok: false, error: { code } });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function refuseError(res: http.ServerResponse, err: unknown): void {
  const payload = err instanceof AppError ? err.toPayload() : { code: 'input.invalid' as const };
  if (payload.code !== 'input.tooLarge') return sendResult(res, 400, { ok: false, error: payload });
  // Whatever else the client sends is not waited for.
  res.setHeader('Connection', 'close');
  sendResult(res, 413, { ok: false, error: payload });
}

/**
 * Serves the built renderer and `POST /api/<procedure>` on 127.0.0.1 only. Every call must carry
 * the per-launch token (given to the page in its HTML) and come from our own origin; a page from
 * anywhere else, or a DNS-rebinding host name, is refused before the core sees the call.
 */
export async function startWebHost({ core, rendererDir, port = 0, testClock }: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url');
  const indexHtml = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const root = path.resolve(rendererDir);
  let origins: string[] = [];
  let hosts: string[] = [];

  async function api(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.includes(origin)) return refuse(res, 403, 'api.badOrigin');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(res, 403, 'api.badOrigin');
    const given = req.headers['x-api-token'];
    if (typeof given !== 'string' || !sameSecret(given, token)) return refuse(res, 401, 'api.badToken');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, 'input.invalid');
    }
    const session = req.headers['x-session'];
    if (typeof session !== 'string') return refuse(res, 401, 'api.badSession');
    let input: unknown;
    try {
      input = parseBody(await readBody(req, bodyLimit(name)));
    } catch (err) {
      return refuseError(res, err);
    }
    const result = await core.call(session, name, input);
    sendResult(res, 200, result);
  }

  /**
   * Server-sent events for live screens. EventSource cannot send headers, so the token and session
   * come in the query; the same checks as a call apply, and only a signed-in desk session is served.
   */
  function events(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(res, 403, 'api.badOrigin');
    const given = url.searchParams.get('token') ?? '';
    if (!sameSecret(given, token)) return refuse(res, 401, 'api.badToken');
    const sessionId = url.searchParams.get('session') ?? '';
    const signedIn = () => {
      const view = core.sessionView(sessionId);
      return view !== null && view.mode === 'desk' && view.teacher !== null;
    };
    if (!signedIn()) return refuse(res, 403, 'api.forbidden');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(': live\n\n');
    // A desk that locks (its teacher, the idle time, another window) hears nothing more: the stream ends,
    // and the page opens a new one after the next login.
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      stopData();
      stopSession();
      clearInterval(ping);
      res.end();
    };
    // A tab refreshes what it changed itself from its call's answer; the others hear it here.
    const stopData = core.onData((topics, origin) => {
      if (!signedIn()) return end();
      if (origin === sessionId) return;
      for (const topic of topics) {
        const event: ServerEvent = { type: 'data', topic };
        res.write(`data: ${JSON.stringify(event)}\n\n`);
      }
    });
    const stopSession = core.onSessionChange((id) => {
      if (id === sessionId && !signedIn()) end();
    });
    const ping = setInterval(() => (signedIn() ? res.write(': ping\n\n') : end()), PING_MS);
    req.on('close', end);
  }

  function page(res: http.ServerResponse): void {
    // Each page load is a new desk session that starts locked, like a new window.
    const session = core.openSession('desk');
    const meta = `<meta name="${API_META}" content="${Buffer.from(JSON.stringify({ token, session })).toString('base64')}">`;
    send(res, 200, indexHtml.replace('<head>', `<head>\n    ${meta}`), TYPES['.html']!);
  }

  function file(res: http.ServerResponse, urlPath: string): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return send(res, 400, 'bad request', 'text/plain');
    }
    const target = path.resolve(root, `.${decoded}`);
    if (decoded.includes('\0') || !target.startsWith(root + path.sep)) return send(res, 404, 'not found', 'text/plain');
    fs.readFile(target, (err, data) => {
      if (err) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      send(res, 200, data, TYPES[path.extname(target)] ?? 'application/octet-stream');
    });
  }

  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch (err) {
      // One bad request must never stop the app for everyone else.
      console.error('[web] request failed:', err);
      if (!res.headersSent) send(res, 500, 'error', 'text/plain');
      else res.end();
    }
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!hosts.includes(req.headers.host ?? '')) return send(res, 421, 'wrong host', 'text/plain');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (testClock && url.pathname === '/__test/clock' && req.method === 'POST') {
      const given = req.headers['x-api-token'];
      if (typeof given !== 'string' || !sameSecret(given, token)) return refuse(res, 401, 'api.badToken');
      readBody(req, SMALL_BODY)
        .then((body) => {
          const now = (parseBody(body) as { now?: unknown } | null)?.now;
          if (typeof now !== 'number' || !Number.isFinite(now)) throw new AppError('input.invalid');
          testClock.set(now);
          sendResult(res, 200, { ok: true, value: null });
        })
        .catch((err: unknown) => refuseError(res, err));
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res, url);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'api.unknownProcedure');
      api(req, res, url.pathname.slice('/api/'.length)).catch((err: unknown) => {
        console.error('[web] call failed:', err);
        refuse(res, 500, 'internal');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
    if (url.pathname === '/' || url.pathname === '/index.html') return page(res);
    file(res, url.pathname);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  hosts = [`127.0.0.1:${actual}`, `localhost:${actual}`];
  origins = hosts.map((h) => `http://${h}`);
  return {
    url: `http://127.0.0.1:${actual}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
