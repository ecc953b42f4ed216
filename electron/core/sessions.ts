import { randomUUID } from 'node:crypto';
import type { Access } from '../../shared/api/procedure.js';
import type { Role } from '../../shared/domain/fields.js';
import type { SessionView } from '../../shared/domain/types.js';

/**
 * One per window (Electron) or page load (web host). The transport holds only the id; what the
 * caller may do is decided here, from this record, never from anything the caller sends.
 */
export interface Session {
  readonly id: string;
  mode: 'desk' | 'kiosk';
  teacher: { id: number; name: string; role: Role } | null;
  /** Last call that counts as activity, for the idle lock. */
  lastActivity: number;
  /** The command line's session: acts as admin, audited with no teacher. Never given to a window. */
  readonly system: boolean;
  /** A teacher has signed in on it (it may be locked now, with their work waiting under the lock screen). */
  readonly signedInOnce?: boolean;
}

/** Remembers that a teacher signed in, whoever sets `teacher` (login, a handler, the idle lock). */
class StoredSession implements Session {
  signedInOnce = false;
  private current: Session['teacher'] = null;
  constructor(
    readonly id: string,
    public mode: 'desk' | 'kiosk',
    public lastActivity: number,
    readonly system: boolean,
  ) {}
  get teacher(): Session['teacher'] {
    return this.current;
  }
  set teacher(t: Session['teacher']) {
    this.current = t;
    if (t !== null) this.signedInOnce = true;
  }
}

/**
 * A session anyone could have made by loading the page: a desk nobody has signed in on. Only these are
 * given up to make room; a signed-in desk, a kiosk, a locked desk with a teacher's work under the lock
 * screen and the command line's session each took a PIN (or the PC itself) to make.
 */
function anonymous(s: Session): boolean {
  return !s.system && s.mode === 'desk' && s.teacher === null && !s.signedInOnce;
}

export function viewOf(s: Session): SessionView {
  return { mode: s.mode, teacher: s.teacher ? { ...s.teacher } : null };
}

export function allowed(access: Access, s: Session): boolean {
  if (s.system) return true;
  switch (access) {
    case 'any':
      return true;
    case 'desk':
      return s.mode === 'desk';
    case 'kiosk':
      return s.mode === 'kiosk' || (s.mode === 'desk' && s.teacher !== null);
    case 'teacher':
      return s.mode === 'desk' && s.teacher !== null;
    case 'admin':
      return s.mode === 'desk' && s.teacher?.role === 'admin';
    default: {
      const never: never = access;
      throw new Error(`unknown access ${String(never)}`);
    }
  }
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  /** Sessions unused for this long are forgotten (a page load that never came back). */
  static readonly IDLE_FORGET_MS = 12 * 60 * 60 * 1000;
  static readonly MAX = 500;

  open(kind: 'desk' | 'kiosk' | 'system', now: number): Session {
    this.prune(now);
    const s = new StoredSession(randomUUID(), kind === 'kiosk' ? 'kiosk' : 'desk', now, kind === 'system');
    this.sessions.set(s.id, s);
    return s;
  }

  /**
   * Drops sessions idle for half a day and, beyond MAX anonymous ones, the least recently used of those:
   * page loads cannot pile up, and they can never push out a desk someone signed in on, or a kiosk.
   * (A clock set back makes a difference negative: such a session is not idle.)
   */
  private prune(now: number): void {
    for (const [id, s] of this.sessions) if (now - s.lastActivity > SessionStore.IDLE_FORGET_MS) this.sessions.delete(id);
    const waiting = [...this.sessions.values()].filter(anonymous);
    if (waiting.length < SessionStore.MAX) return;
    waiting.sort((a, b) => a.lastActivity - b.lastActivity);
    for (const s of waiting.slice(0, waiting.length - SessionStore.MAX + 1)) this.sessions.delete(s.id);
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  close(id: string): void {
    this.sessions.delete(id);
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }
}
