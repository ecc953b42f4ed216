import type { Core, CallResult } from '../core/api.js';

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
export function createBridge(core: Core, appUrlCheck: (url: string) => boolean) {
  const sessions = new Map<number, string>();

  return {
    /** Gives a window's webContents a session of its own. */
    attach(webContentsId: number, sessionId: string): void {
      sessions.set(webContentsId, sessionId);
    },
    detach(webContentsId: number): string | undefined {
      const s = sessions.get(webContentsId);
      sessions.delete(webContentsId);
      return s;
    },
    sessionOf(webContentsId: number): string | undefined {
      return sessions.get(webContentsId);
    },
    webContentsOf(sessionId: string): number | undefined {
      for (const [wc, s] of sessions) if (s === sessionId) return wc;
      return undefined;
    },
    async handle(event: InvokeEventLike, name: unknown, input: unknown): Promise<CallResult> {
      const frame = event.senderFrame;
      const session = sessions.get(event.sender.id);
      if (!frame || frame.parent !== null || !appUrlCheck(frame.url) || session === undefined) {
        return { ok: false, error: { code: 'api.forbidden' } };
      }
      if (typeof name !== 'string') return { ok: false, error: { code: 'api.unknownProcedure' } };
      return core.call(session, name, input);
    },
  };
}

export type Bridge = ReturnType<typeof createBridge>;
