import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWebHost, API_META, type WebHost } from './server.js';
import { makeCore, tempDataDir, type TestCore } from '../../tests/helpers/core.js';
import { SessionStore } from '../core/sessions.js';

let t: TestCore;
let host: WebHost;
let rendererDir: string;

beforeEach(async () => {
  t = makeCore();
  rendererDir = tempDataDir('home-desk-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
  host = await startWebHost({ core: t.core, rendererDir });
});
afterEach(async () => {
  await host.close();
  t.cleanup();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

async function pageMeta(): Promise<{ token: string; session: string }> {
  const html = await (await fetch(host.url)).text();
  const m = new RegExp(`<meta name="${API_META}" content="([^"]+)">`).exec(html);
  return JSON.parse(Buffer.from(m![1]!, 'base64').toString('utf8')) as { token: string; session: string };
}

function post(name: string, headers: Record<string, string>, body: unknown = {}) {
  return fetch(`${host.url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and gives each page load the token and a new session', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const a = await pageMeta();
    const b = await pageMeta();
    expect(a.token).toBe(host.token);
    expect(a.session).not.toBe(b.session);
    const res = await fetch(host.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers a call that carries the token and the session', async () => {
    const { token, session } = await pageMeta();
    const res = await post('app.info', { 'X-Api-Token': token, 'X-Session': session });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('refuses a call without the token, with a wrong one, or from another origin', async () => {
    const { token, session } = await pageMeta();
    const none = await post('app.info', { 'X-Session': session });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ ok: false, error: { code: 'api.badToken' } });
    expect((await post('app.info', { 'X-Api-Token': 'x'.repeat(43), 'X-Session': session })).status).toBe(401);
    const foreign = await post('app.info', { 'X-Api-Token': token, 'X-Session': session, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ ok: false, error: { code: 'api.badOrigin' } });
    const crossSite = await post('app.info', { 'X-Api-Token': token, 'X-Session': session, 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('refuses a made-up session and a DNS-rebinding host name', async () => {
    const { token } = await pageMeta();
    const res = await post('app.info', { 'X-Api-Token': token, 'X-Session': 'made-up' });
    expect(await res.json()).toEqual({ ok: false, error: { code: 'api.badSession' } });
    // fetch() may not set Host, so ask with node:http as a rebinding attacker's page would arrive.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get(host.url, { headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('survives malformed paths and keeps serving', async () => {
    expect((await fetch(`${host.url}%zz`)).status).toBe(400);
    expect((await fetch(`${host.url}assets/%00a.js`)).status).toBe(404);
    expect((await fetch(`${host.url}assets/a.js`)).status).toBe(200);
  });

  it('serves built files but nothing outside the renderer folder', async () => {
    expect((await fetch(`${host.url}assets/a.js`)).status).toBe(200);
    expect((await fetch(`${host.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${host.url}assets/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });
});

describe('live events', () => {
  it('are served only to a signed-in desk session with the token, and carry a topic, never data', async () => {
    const { token, session } = await pageMeta();
    const url = (s: string, tk = token) => `${host.url}api/events?${new URLSearchParams({ token: tk, session: s })}`;
    expect((await fetch(url(session, 'x'.repeat(43)))).status).toBe(401);
    expect((await fetch(url(session))).status).toBe(403); // not set up, nobody signed in
    await t.call('setup.run', (await import('../../tests/fixtures/setup.js')).SETUP, session);
    const [admin] = await t.call('auth.lockList', {}, session);
    await t.call('auth.login', { teacherId: admin!.id, pin: '2468' }, session);
    const controller = new AbortController();
    const res = await fetch(url(session), { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await reader.read(); // the opening comment
    // Another tab changes the data: this tab hears of it (a tab refreshes its own changes from its calls' answers).
    const other = await pageMeta();
    await t.call('auth.login', { teacherId: admin!.id, pin: '2468' }, other.session);
    const child = await t.call('children.create', {
      name: '张三丽', grade: 3, classNo: 2, awayParents: 'both',
    }, other.session);
    expect((await reader.read()).value).toEqual(new TextEncoder().encode('data: {"type":"data","topic":"children"}\n\n'));
    await t.call('attendance.signIn', { childId: child.id }, other.session);
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('data: {"type":"data","topic":"visits"}\n\n');
    controller.abort();
  });
});

describe('sessions', () => {
  it('are never pushed out by page loads: after MAX + 20 anonymous loads a signed-in desk and a kiosk still answer', async () => {
    const desk = await pageMeta();
    const kiosk = await pageMeta();
    const headers = (s: string) => ({ 'X-Api-Token': desk.token, 'X-Session': s });
    await t.call('setup.run', (await import('../../tests/fixtures/setup.js')).SETUP, desk.session);
    const [admin] = await t.call('auth.lockList', {}, desk.session);
    for (const s of [desk.session, kiosk.session]) await t.call('auth.login', { teacherId: admin!.id, pin: '2468' }, s);
    await t.call('kiosk.enter', {}, kiosk.session);
    for (let i = 0; i < SessionStore.MAX + 20; i++) (await fetch(host.url)).body?.cancel();
    expect(await (await post('session.get', headers(desk.session))).json()).toMatchObject({ ok: true, value: { mode: 'desk', teacher: { id: admin!.id } } });
    expect(await (await post('session.get', headers(kiosk.session))).json()).toMatchObject({ ok: true, value: { mode: 'kiosk' } });
  });
});

describe('bodies', () => {
  const raw = (name: string, headers: Record<string, string>, body: string) =>
    fetch(`${host.url}api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('nested too deep are refused before they are parsed, and the host keeps answering', async () => {
    const { token, session } = await pageMeta();
    const h = { 'X-Api-Token': token, 'X-Session': session };
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const [name, body] of [
      ['app.info', deep(400_000)],
      ['app.info', `{"a":${'{"a":'.repeat(100)}1${'}'.repeat(101)}`],
      // A procedure that takes a file may send 32 MiB: still no deep nesting.
      ['children.importPreview', deep(8_000_000)],
    ] as const) {
      const res = await raw(name, h, body);
      expect(res.status, name).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'input.tooDeep' } });
    }
    // Brackets inside a string are text, not nesting.
    const text = await raw('app.info', h, JSON.stringify({ note: '['.repeat(10_000) }));
    expect(await text.json()).toMatchObject({ ok: true });
  });

  it('larger than a procedure takes are refused; only a procedure that takes a file may send megabytes', async () => {
    const { token, session } = await pageMeta();
    const h = { 'X-Api-Token': token, 'X-Session': session };
    const big = JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) });
    const res = await raw('app.info', h, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'input.tooLarge' } });
    // 2 MiB of a (not real) workbook reaches the core, which answers for what it is.
    const file = await raw('children.importPreview', h, JSON.stringify({ fileName: 'a.xlsx', data: 'A'.repeat(2 * 1024 * 1024) }));
    expect(await file.json()).toMatchObject({ ok: false, error: { code: 'auth.locked' } });
    const broken = await raw('app.info', h, '{"a":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });
});

describe('the test clock', () => {
  it('answers a malformed body with 400 and keeps running', async () => {
    await host.close();
    const set = vi.fn();
    host = await startWebHost({ core: t.core, rendererDir, testClock: { set } });
    const clock = (body: string, token = host.token) =>
      fetch(`${host.url}__test/clock`, { method: 'POST', headers: { 'X-Api-Token': token }, body });
    expect((await clock('{"now":')).status).toBe(400);
    expect((await clock('{"now":"tomorrow"}')).status).toBe(400);
    expect((await clock('null')).status).toBe(400);
    expect((await clock(`${'['.repeat(100_000)}`)).status).toBe(400);
    expect((await clock('{"now":1}', 'x'.repeat(43))).status).toBe(401);
    expect(set).not.toHaveBeenCalled();
    const at = Date.parse('2026-12-03T16:00:00+08:00');
    expect((await clock(JSON.stringify({ now: at }))).status).toBe(200);
    expect(set).toHaveBeenCalledWith(at);
    expect((await fetch(host.url)).status).toBe(200);
  });
});

describe('live events of a desk that locks', () => {
  async function signedInStream() {
    const { token, session } = await pageMeta();
    await t.call('setup.run', (await import('../../tests/fixtures/setup.js')).SETUP, session);
    const [admin] = await t.call('auth.lockList', {}, session);
    await t.call('auth.login', { teacherId: admin!.id, pin: '2468' }, session);
    const other = await pageMeta();
    await t.call('auth.login', { teacherId: admin!.id, pin: '2468' }, other.session);
    const res = await fetch(`${host.url}api/events?${new URLSearchParams({ token, session })}`);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // the opening comment
    return { session, other: other.session, reader };
  }
  const child = { name: '张三丽', grade: 3, classNo: 2, awayParents: 'both' } as const;

  it('end when the teacher locks it: nothing more reaches the locked desk', async () => {
    const { session, other, reader } = await signedInStream();
    await t.call('auth.lock', {}, session);
    await t.call('children.create', child, other);
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it('end when it has been idle past the limit, before a change is told', async () => {
    const { other, reader } = await signedInStream();
    t.clock.set(t.clock.now() + 11 * 60_000);
    const [admin] = await t.call('auth.lockList', {}, other);
    await t.call('auth.login', { teacherId: admin!.id, pin: '2468' }, other);
    await t.call('children.create', child, other);
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});
