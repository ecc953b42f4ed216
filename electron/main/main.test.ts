import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, rendererFileOf } from './app-protocol.js';
import { createBridge, type InvokeEventLike } from './bridge.js';
import { deskWindowOptions, isAppUrl, kioskWindowOptions } from './window-options.js';
import { makeSetUpCore, type TestCore } from '../../tests/helpers/core.js';

const APP = 'file:///opt/desk/resources/app.asar/out/renderer/index.html';

describe('window options', () => {
  it('keep both windows isolated and sandboxed, without Node', () => {
    for (const o of [deskWindowOptions('/p.js'), kioskWindowOptions('/p.js')]) {
      expect(o.webPreferences).toMatchObject({
        preload: '/p.js',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
    }
  });

  it('fit the desk to a 1366×768 screen and make the kiosk fullscreen, without devtools', () => {
    expect(deskWindowOptions('/p.js')).toMatchObject({ width: 1366, height: 768 });
    expect(kioskWindowOptions('/p.js')).toMatchObject({ kiosk: true, fullscreen: true, closable: false });
    expect(kioskWindowOptions('/p.js').webPreferences?.devTools).toBe(false);
  });

  it('recognise only our own page as the app', () => {
    expect(isAppUrl(`${APP}#/kiosk`, APP)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', APP)).toBe(false);
    expect(isAppUrl('https://example.com/', APP)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/desk', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });

  it('recognise the app scheme by scheme and host, never by its "null" origin', () => {
    expect(isAppUrl(`${APP_INDEX_URL}#/kiosk`, APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://desk/assets/index.js', APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://other/index.html', APP_INDEX_URL)).toBe(false);
    expect(isAppUrl('evil://desk/index.html', APP_INDEX_URL)).toBe(false);
    expect(isAppUrl('data:text/html,<p>x</p>', APP_INDEX_URL)).toBe(false);
    expect(isAppUrl('file:///opt/desk/index.html', APP_INDEX_URL)).toBe(false);
  });

  it('ask for the V8 code cache on first load', () => {
    expect(deskWindowOptions('/p.js').webPreferences?.v8CacheOptions).toBe('bypassHeatCheck');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, codeCache: true });
  });
});

describe('the app scheme', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'home-desk-renderer-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'assets', 'index.js'), '');
  fs.writeFileSync(path.join(os.tmpdir(), 'home-desk-secret.txt'), 'x');

  it('serves only the renderer folder’s files', () => {
    expect(rendererFileOf('app://desk/', dir)).toBe(path.join(dir, 'index.html'));
    expect(rendererFileOf('app://desk/index.html#/kiosk', dir)).toBe(path.join(dir, 'index.html'));
    expect(rendererFileOf('app://desk/assets/index.js?v=1', dir)).toBe(path.join(dir, 'assets', 'index.js'));
    expect(rendererFileOf('app://desk/assets', dir)).toBeNull();
    expect(rendererFileOf('app://desk/missing.js', dir)).toBeNull();
    expect(rendererFileOf('app://desk/%2e%2e/home-desk-secret.txt', dir)).toBeNull();
    expect(rendererFileOf('app://desk/assets/..%2f..%2fhome-desk-secret.txt', dir)).toBeNull();
    expect(rendererFileOf('app://other/index.html', dir)).toBeNull();
    expect(rendererFileOf('file:///etc/passwd', dir)).toBeNull();
  });
});

describe('IPC bridge', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  const event = (id: number, url = APP, parent: unknown = null): InvokeEventLike => ({
    sender: { id },
    senderFrame: { url, parent },
  });

  it('hands a call from our window to the core as that window’s session', async () => {
    t = await makeSetUpCore();
    const bridge = createBridge(t.core, (u) => isAppUrl(u, APP));
    bridge.attach(7, t.desk, 'desk');
    expect(await bridge.handle(event(7), 'session.get', {})).toMatchObject({ ok: true, value: { teacher: { name: '李校长' } } });
  });

  it('refuses calls from an iframe, a foreign page, an unknown window or a destroyed frame', async () => {
    t = await makeSetUpCore();
    const bridge = createBridge(t.core, (u) => isAppUrl(u, APP));
    bridge.attach(7, t.desk, 'desk');
    const forbidden = { ok: false, error: { code: 'api.forbidden' } };
    expect(await bridge.handle(event(7, APP, {}), 'teachers.list', {})).toEqual(forbidden);
    expect(await bridge.handle(event(7, 'https://evil.example/'), 'teachers.list', {})).toEqual(forbidden);
    expect(await bridge.handle(event(8), 'teachers.list', {})).toEqual(forbidden);
    expect(await bridge.handle({ sender: { id: 7 }, senderFrame: null }, 'teachers.list', {})).toEqual(forbidden);
  });

  it('answers shell calls itself, only for a signed-in teacher’s window', async () => {
    t = await makeSetUpCore();
    const printed: number[] = [];
    const bridge = createBridge(t.core, (u) => isAppUrl(u, APP), {
      'shell.printToPdf': async (wc) => {
        printed.push(wc);
        return { ok: true, value: { saved: '/tmp/x.pdf' } };
      },
    });
    bridge.attach(7, t.desk, 'desk');
    bridge.attach(9, t.core.openSession('kiosk'), 'kiosk');
    expect(await bridge.handle(event(7), 'shell.printToPdf', { fileName: 'a.pdf' })).toEqual({ ok: true, value: { saved: '/tmp/x.pdf' } });
    expect(await bridge.handle(event(9, `${APP}#/kiosk`), 'shell.printToPdf', {})).toEqual({ ok: false, error: { code: 'api.forbidden' } });
    await t.core.call(t.desk, 'auth.lock', {});
    expect(await bridge.handle(event(7), 'shell.printToPdf', {})).toEqual({ ok: false, error: { code: 'api.forbidden' } });
    expect(printed).toEqual([7]);
  });

  it('gives a window whose session was forgotten a fresh one of the same kind', async () => {
    t = await makeSetUpCore();
    const bridge = createBridge(t.core, (u) => isAppUrl(u, APP));
    const kiosk = t.core.openSession('kiosk');
    bridge.attach(9, kiosk, 'kiosk');
    t.core.closeSession(kiosk);
    expect(await bridge.handle(event(9, `${APP}#/kiosk`), 'session.get', {})).toEqual({ ok: true, value: { mode: 'kiosk', teacher: null } });
    expect(bridge.sessionOf(9)).not.toBe(kiosk);
  });

  it('a kiosk window’s session is refused teacher procedures by the core', async () => {
    t = await makeSetUpCore();
    const bridge = createBridge(t.core, (u) => isAppUrl(u, APP));
    bridge.attach(9, t.core.openSession('kiosk'), 'kiosk');
    expect(await bridge.handle(event(9, `${APP}#/kiosk`), 'teachers.list', {})).toMatchObject({
      ok: false,
      error: { code: 'api.forbidden' },
    });
  });
});
