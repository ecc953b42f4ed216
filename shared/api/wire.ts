import type { ErrorPayload } from '../errors.js';
import type { SessionView } from '../domain/types.js';
import type { Topic } from './procedure.js';

/** The answer of every call, over IPC and HTTP alike; `changed` lists the topics a success changed. */
export type CallResult = { ok: true; value: unknown; changed?: readonly Topic[] } | { ok: false; error: ErrorPayload };

/**
 * What the core pushes to a window: its session changed, or data changed by another window or tab
 * (a window refreshes what it changed itself from its call's `changed`), one event per topic.
 */
export type ServerEvent = { type: 'session'; view: SessionView } | { type: 'data'; topic: Topic };
