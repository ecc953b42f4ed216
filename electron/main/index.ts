import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, webContents } from 'electron';
import { openCore } from '../core/app.js';
import type { Core } from '../core/api.js';
import { DATA_FOLDER_NAME } from '../core/paths.js';
import { startupMessage } from './startup-error.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security.js';
import type { SessionView } from '../../shared/domain/types.js';
import type { Board } from '../../shared/domain/attendance.js';
import { deskWindowOptions, isAppUrl, kioskWindowOptions } from './window-options.js';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, serveRenderer } from './app-protocol.js';
import { API_CHANNEL, EVENT_CHANNEL, createBridge, type Bridge } from './bridge.js';
import { SHELL_PRINT_TO_PDF, type PrintToPdfInput } from '../../shared/api/shell.js';
import type { CallResult, ServerEvent } from '../../shared/api/wire.js';

// The data folder is userData; named in ASCII so support staff can type it (see README).
app.setPath('userData', path.join(app.getPath('appData'), DATA_FOLDER_NAME));

const preload = path.join(__dirname, '../preload/index.js');
const icon = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(__dirname, '../../resources/icon.png');
const rendererDir = path.join(__dirname, '../renderer');
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devUrl ?? APP_INDEX_URL;

// Before ready: the renderer's own scheme, with the V8 code cache that file:// pages never get.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let core: Core | null = null;
let bridge: Bridge | null = null;
let desk: BrowserWindow | null = null;
let kiosk: BrowserWindow | null = null;
let quitting = false;

/**
 * Closing the app with children still signed in: list them and ask. Signing them all out is
 * audited; closing anyway leaves their visits open, to be closed and flagged "not signed out".
 */
async function confirmClose(): Promise<boolean> {
  if (!core || !desk) return true;
  const system = core.openSession('system');
  try {
    const board = await core.call(system, 'attendance.board', {});
    if (!board.ok) return true;
    const inRoom = (board.value as Board).children.filter((c) => c.state === 'in');
    if (inRoom.length === 0) return true;
    const names = inRoom.map((c) => c.name).join('、');
    const choice = await dialog.showMessageBox(desk, {
      type: 'warning',
      title: '留守儿童之家管理台',
      message: `还有 ${inRoom.length} 名儿童没有签退 · ${inRoom.length} children are still signed in`,
      detail: names,
      buttons: ['全部签退并关闭 · Sign all out and close', '返回 · Go back', '直接关闭 · Close anyway'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice.response === 1) return false;
    if (choice.response === 0) for (const c of inRoom) await core.call(system, 'attendance.signOut', { childId: c.id });
    return true;
  } finally {
    core.closeSession(system);
  }
}

function load(win: BrowserWindow, route: string): void {
  void win.loadURL(`${appUrl}#${route}`);
}

function notify(win: BrowserWindow | null, view: SessionView): void {
  if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, { type: 'session', view });
}

function openWindow(kind: 'desk' | 'kiosk', sessionId: string): BrowserWindow {
  const win = new BrowserWindow(kind === 'desk' ? deskWindowOptions(preload, icon) : kioskWindowOptions(preload));
  const wcId = win.webContents.id;
  bridge!.attach(wcId, sessionId, kind);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    const s = bridge?.detach(wcId);
    if (s) core?.closeSession(s);
  });
  win.webContents.on('render-process-gone', () => {
    if (!win.isDestroyed()) win.reload();
  });
  load(win, kind === 'desk' ? '/' : '/kiosk');
  return win;
}

/**
 * The desk's session entering kiosk mode moves to a new fullscreen kiosk window, and the hidden
 * desk gets a fresh, locked session. Leaving the kiosk with a teacher's PIN moves that signed-in
 * session back to the desk and closes the kiosk window.
 */
function onSessionChange(sessionId: string, view: SessionView): void {
  if (!bridge || !core || !desk) return;
  const wcId = bridge.webContentsOf(sessionId);
  if (wcId === desk.webContents.id && view.mode === 'kiosk' && !kiosk) {
    const fresh = core.openSession('desk');
    bridge.attach(desk.webContents.id, fresh, 'desk');
    kiosk = openWindow('kiosk', sessionId);
    kiosk.on('closed', () => {
      kiosk = null;
    });
    desk.hide();
    notify(desk, core.sessionView(fresh)!);
  } else if (kiosk && wcId === kiosk.webContents.id && view.mode === 'desk') {
    const previous = bridge.detach(desk.webContents.id);
    if (previous) core.closeSession(previous);
    bridge.detach(kiosk.webContents.id);
    bridge.attach(desk.webContents.id, sessionId, 'desk');
    kiosk.setClosable(true);
    kiosk.destroy();
    kiosk = null;
    desk.show();
    notify(desk, view);
  } else {
    // Everything else (login, lock, idle lock, a role change) is pushed to the window it happened in.
    for (const win of [desk, kiosk]) if (win && !win.isDestroyed() && win.webContents.id === wcId) notify(win, view);
  }
}

/** Electron's printToPDF of the page the window shows (A4, the page's own @page size), saved where the teacher says. */
async function printToPdf(webContentsId: number, input: unknown): Promise<CallResult> {
  const wc = webContents.fromId(webContentsId);
  const win = wc ? BrowserWindow.fromWebContents(wc) : null;
  if (!wc || !win) return { ok: false, error: { code: 'api.forbidden' } };
  const raw = (input as Partial<PrintToPdfInput> | null)?.fileName;
  const fileName = typeof raw === 'string' && /^[^\\/:*?"<>|]{1,120}\.pdf$/.test(raw) ? raw : 'print.pdf';
  try {
    const pdf = await wc.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    const choice = await dialog.showSaveDialog(win, {
      defaultPath: path.join(app.getPath('documents'), fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: null } };
    await fs.promises.writeFile(choice.filePath, pdf);
    void shell.openPath(choice.filePath);
    return { ok: true, value: { saved: choice.filePath } };
  } catch (err) {
    console.error('[main] printToPDF failed:', err);
    return { ok: false, error: { code: 'internal' } };
  }
}

function harden(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

function start(): void {
  Menu.setApplicationMenu(null);
  harden();
  if (!devUrl) serveRenderer(protocol, rendererDir);
  try {
    // The packaged app trusts its handlers' answers; a development build checks each against its schema.
    core = openCore({ dataDir: app.getPath('userData'), checkOutputs: !app.isPackaged, backups: 'auto' });
  } catch (err) {
    console.error('[main] the core did not open:', err);
    dialog.showErrorBox('留守儿童之家管理台 · Children’s Home Desk', `${startupMessage(err)}\n\n${app.getPath('userData')}`);
    app.quit();
    return;
  }
  bridge = createBridge(core, (url) => isAppUrl(url, appUrl), { [SHELL_PRINT_TO_PDF]: printToPdf });
  ipcMain.handle(API_CHANNEL, (event, name: unknown, input: unknown) => bridge!.handle(event, name, input));
  core.onSessionChange(onSessionChange);
  // Live screens: a child signing in at the kiosk window updates the board in the desk window.
  core.onData((topics, origin) => {
    for (const win of [desk, kiosk]) {
      if (!win || win.isDestroyed() || bridge?.sessionOf(win.webContents.id) === origin) continue;
      for (const topic of topics) {
        const event: ServerEvent = { type: 'data', topic };
        win.webContents.send(EVENT_CHANNEL, event);
      }
    }
  });
  desk = openWindow('desk', core.openSession('desk'));
  desk.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    void confirmClose().then((close) => {
      if (!close) return;
      quitting = true;
      desk?.close();
    });
  });
  desk.on('closed', () => {
    desk = null;
    if (kiosk) {
      kiosk.setClosable(true);
      kiosk.destroy();
    }
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = kiosk ?? desk;
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
  });
  app.whenReady().then(start, (err: unknown) => {
    console.error(err);
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
  // The closing backup runs before the app exits; the desk is already gone, so nobody waits on it.
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.shutdown().finally(() => app.exit(0));
  });
}
