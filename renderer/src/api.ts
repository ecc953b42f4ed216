// Types only: the contracts' schemas (zod, and the domain code they pull in) stay out of the start chunk.
import type { Contracts, ProcedureName, Topic } from '../../shared/api/index.js';
import type { InputOf, OutputOf } from '../../shared/api/procedure.js';
import type { CallResult, ServerEvent } from '../../shared/api/wire.js';
import { AppError } from '../../shared/errors.js';

export type { ServerEvent };

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
  if (result.changed) for (const l of changeListeners) l(result.changed);
  return result.value as OutputOf<Contracts[N]>;
}

const changeListeners = new Set<(topics: readonly Topic[]) => void>();

/** Topics this window's own successful calls changed (the contract's `changes`); other windows' come as data events. */
export function onChanged(listener: (topics: readonly Topic[]) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Events pushed by Electron's main (the web host has none yet). */
export function onServerEvent<T extends ServerEvent['type']>(
  type: T,
  listener: (event: Extract<ServerEvent, { type: T }>) => void,
): () => void {
  const emit = (event: ServerEvent) => {
    if (event.type === type) listener(event as Extract<ServerEvent, { type: T }>);
  };
  if (window.api) return window.api.on(type, (e) => emit(e as ServerEvent));
  // In a browser, data events come as server-sent events (session changes are answered per call).
  // A window's own changes are not among them: it hears those from its calls (`onChanged`).
  if (type !== 'data') return () => undefined;
  credentials ??= webCredentials();
  const source = new EventSource(`./api/events?${new URLSearchParams({ token: credentials.token, session: credentials.session })}`);
  source.onmessage = (m) => emit(JSON.parse(String(m.data)) as ServerEvent);
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

/** `api.<domain>.<key>(input)` calls `<domain>.<key>`; the core refuses a name no contract declares. */
function buildApi(): Api {
  const domains = new Map<string, Record<string, (input?: unknown) => Promise<unknown>>>();
  const domainProxy = (domain: string) =>
    new Proxy({} as Record<string, (input?: unknown) => Promise<unknown>>, {
      get: (fns, key) => {
        if (typeof key !== 'string') return undefined;
        return (fns[key] ??= (input?: unknown) => call(`${domain}.${key}` as ProcedureName, (input ?? {}) as never));
      },
    });
  return new Proxy({} as Api, {
    get: (_, domain) => {
      if (typeof domain !== 'string') return undefined;
      let d = domains.get(domain);
      if (!d) domains.set(domain, (d = domainProxy(domain)));
      return d;
    },
  });
}

export const api = buildApi();
