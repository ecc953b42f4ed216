import type { Core } from '../core/api.js';
import type { CallResult } from '../../shared/api/wire.js';

/** What the bridge needs of an `IpcMainInvokeEvent`: kept small so tests can fake it. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export const API_CHANNEL = 'api:call';
export const EVENT_CHANNEL = 'api:event';

/**
 * Hands a window's `call(name, input)` to the core as that window's session. A call is refused
 * unless it comes from the top frame of one of our windows showing our own page: an iframe, a
 * navigated-away window or an unknown webContents gets `api.forbidden` and the core never sees it.
 */
/** A call the shell answers itself, for the window that asked (see shared/api/shell.ts). */
export type ShellHandler = (webContentsId: number, input: unknown) => Promise<CallResult>;

export function createBridge(core: Core, appUrlCheck: (url: string) => boolean, shell: Record<string, ShellHandler> = {}) {
  const windows = new Map<number, { session: string; kind: 'desk' | 'kiosk' }>();

  return {
    /** Gives a window's webContents a session of its own; `kind` is what a replacement session would be. */
    attach(webContentsId: number, sessionId: string, kind: 'desk' | 'kiosk'): void {
      windows.set(webContentsId, { session: sessionId, kind });
    },
    detach(webContentsId: number): string | undefined {
      const w = windows.get(webContentsId);
      windows.delete(webContentsId);
      return w?.session;
    },
    sessionOf(webContentsId: number): string | undefined {
      return windows.get(webContentsId)?.session;
    },
    webContentsOf(sessionId: string): number | undefined {
      for (const [wc, w] of windows) if (w.session === sessionId) return wc;
      return undefined;
    },
    async handle(event: InvokeEventLike, name: unknown, input: unknown): Promise<CallResult> {
      const frame = event.senderFrame;
      const w = windows.get(event.sender.id);
      if (!frame || frame.parent !== null || !appUrlCheck(frame.url) || w === undefined) {
        return { ok: false, error: { code: 'api.forbidden' } };
      }
      if (typeof name !== 'string') return { ok: false, error: { code: 'api.unknownProcedure' } };
      // A window left untouched for half a day may have had its session forgotten: give it a fresh,
      // locked one of the same kind (a kiosk stays a kiosk).
      if (core.sessionView(w.session) === null) w.session = core.openSession(w.kind);
      const own = Object.prototype.hasOwnProperty.call(shell, name) ? shell[name] : undefined;
      if (own) {
        // Shell calls are teacher-level: a kiosk or a locked desk cannot print children's data.
        const view = core.sessionView(w.session);
        if (!view || view.mode !== 'desk' || view.teacher === null) return { ok: false, error: { code: 'api.forbidden' } };
        return own(event.sender.id, input);
      }
      return core.call(w.session, name, input);
    },
  };
}

export type Bridge = ReturnType<typeof createBridge>;
