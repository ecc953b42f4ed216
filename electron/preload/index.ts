import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Channel names are repeated here rather than imported: the sandboxed preload is one small file.
const API_CHANNEL = 'api:call';
const EVENT_CHANNEL = 'api:event';

/** The whole surface the page gets: one call, one event subscription. No ipcRenderer, no Node. */
contextBridge.exposeInMainWorld('api', {
  call: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, String(name), input),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: { type?: unknown }) => {
      if (payload?.type === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
});
