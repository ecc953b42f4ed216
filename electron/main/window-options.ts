import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const APP_TITLE = '留守儿童之家管理台';

/** The same locked-down preferences for every window of the app. */
export function securePreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: true,
    // Cache compiled code on the first load, not after V8's "seen it twice" heat check: the desk is
    // started once or twice a day, so the second launch should already start from the cache.
    v8CacheOptions: 'bypassHeatCheck',
  };
}

/** The teacher's window: sized for the room's old 1366×768 screen. */
export function deskWindowOptions(preload: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    title: APP_TITLE,
    ...(icon ? { icon } : {}),
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: securePreferences(preload),
  };
}

/** The children's window: fullscreen kiosk, nothing to close, resize or open devtools with. */
export function kioskWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: APP_TITLE,
    kiosk: true,
    fullscreen: true,
    fullscreenable: true,
    frame: false,
    closable: false,
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#fff8e7',
    webPreferences: { ...securePreferences(preload), devTools: false },
  };
}

/**
 * Where our windows may be: the built renderer on the app's own scheme (`app://desk/`), its index.html
 * as a file, or, in development, the electron-vite dev server. Anything else is refused for navigation
 * and for IPC. Scheme and host are compared, not `origin`: a custom scheme's origin is "null" for
 * every URL of it in WHATWG URL terms, so comparing origins would let any other scheme's page in.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return u.protocol === 'file:' && u.pathname === app.pathname;
    return u.protocol === app.protocol && u.host === app.host && u.host !== '';
  } catch {
    return false;
  }
}
