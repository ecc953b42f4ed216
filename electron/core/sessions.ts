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
    const mode = kind === 'kiosk' ? 'kiosk' : 'desk';
    const s: Session = { id: randomUUID(), mode, teacher: null, lastActivity: now, system: kind === 'system' };
    this.sessions.set(s.id, s);
    return s;
  }

  /** Drops sessions idle for half a day and, beyond MAX, the least recently used: page loads cannot pile up. */
  private prune(now: number): void {
    for (const [id, s] of this.sessions) if (now - s.lastActivity > SessionStore.IDLE_FORGET_MS) this.sessions.delete(id);
    if (this.sessions.size < SessionStore.MAX) return;
    const oldest = [...this.sessions.values()].sort((a, b) => a.lastActivity - b.lastActivity);
    for (const s of oldest.slice(0, this.sessions.size - SessionStore.MAX + 1)) this.sessions.delete(s.id);
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
