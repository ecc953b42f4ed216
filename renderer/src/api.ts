import { contracts, type Contracts, type ProcedureName } from '../../shared/api/index.js';
import type { InputOf, OutputOf } from '../../shared/api/procedure.js';
import { AppError, type ErrorPayload } from '../../shared/errors.js';
import type { SessionView } from '../../shared/domain/types.js';

type CallResult = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

/** What Electron's preload exposes; absent in a browser. */
interface PreloadApi {
  call(name: string, input: unknown): Promise<CallResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

export type ServerEvent = { type: 'session'; view: SessionView } | { type: 'data'; topic: 'visits' | 'calls' | 'events' | 'library' };

/** The token and session the web host writes into the page (see electron/web/server.ts). */
function webCredentials(): { token: string; session: string } {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="home-desk-api"]');
  if (!meta) throw new AppError('api.badToken');
  const bytes = Uint8Array.from(atob(meta.content), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as { token: string; session: string };
}

let credentials: { token: string; session: string } | null = null;

async function httpCall(name: string, input: unknown): Promise<CallResult> {
  credentials ??= webCredentials();
  const res = await fetch(`./api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Api-Token': credentials.token, 'X-Session': credentials.session },
    body: JSON.stringify(input ?? {}),
    credentials: 'omit',
  });
  const result = (await res.json()) as CallResult;
  // The web host forgot this page's session (restarted, or unused for half a day): start afresh.
  if (!result.ok && result.error.code === 'api.badSession') window.location.reload();
  return result;
}

/** Calls a procedure by name, over IPC in Electron or HTTP in a browser; rejects with an AppError. */
export async function call<N extends ProcedureName>(name: N, input: InputOf<Contracts[N]>): Promise<OutputOf<Contracts[N]>> {
  let result: CallResult;
  try {
    result = window.api ? await window.api.call(name, input) : await httpCall(name, input);
  } catch (err) {
    if (err instanceof AppError) throw err;
    console.error(err);
    throw new AppError('internal');
  }
  if (!result.ok) throw AppError.fromPayload(result.error);
  return result.value as OutputOf<Contracts[N]>;
}

/** Events pushed by Electron's main (the web host has none yet). */
export function onServerEvent<T extends ServerEvent['type']>(
  type: T,
  listener: (event: Extract<ServerEvent, { type: T }>) => void,
): () => void {
  if (window.api) return window.api.on(type, (e) => listener(e as Extract<ServerEvent, { type: T }>));
  // In a browser, data events come as server-sent events (session changes are answered per call).
  if (type !== 'data') return () => undefined;
  credentials ??= webCredentials();
  const source = new EventSource(`./api/events?${new URLSearchParams({ token: credentials.token, session: credentials.session })}`);
  source.onmessage = (m) => {
    const event = JSON.parse(String(m.data)) as ServerEvent;
    if (event.type === type) listener(event as Extract<ServerEvent, { type: T }>);
  };
  return () => source.close();
}

type Domain<N> = N extends `${infer D}.${string}` ? D : never;
type Fn<N extends ProcedureName> = {} extends InputOf<Contracts[N]>
  ? (input?: InputOf<Contracts[N]>) => Promise<OutputOf<Contracts[N]>>
  : (input: InputOf<Contracts[N]>) => Promise<OutputOf<Contracts[N]>>;

/** `api.teachers.add({ ... })`: the typed client, one function per procedure of `shared/api`. */
export type Api = {
  [D in Domain<ProcedureName>]: {
    [N in ProcedureName as N extends `${D}.${infer P}` ? P : never]: Fn<N>;
  };
};

function buildApi(): Api {
  const out: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(contracts) as ProcedureName[]) {
    const [domain, proc] = name.split('.') as [string, string];
    (out[domain] ??= {})[proc] = (input?: unknown) => call(name, (input ?? {}) as never);
  }
  return out as unknown as Api;
}

export const api = buildApi();
