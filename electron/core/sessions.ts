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

  open(kind: 'desk' | 'kiosk' | 'system', now: number): Session {
    const mode = kind === 'kiosk' ? 'kiosk' : 'desk';
    const s: Session = { id: randomUUID(), mode, teacher: null, lastActivity: now, system: kind === 'system' };
    this.sessions.set(s.id, s);
    return s;
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
