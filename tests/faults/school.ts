import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { DB_FILE } from '../../electron/core/app.js';
import type { Core } from '../../electron/core/api.js';
import type { CallResult } from '../../shared/api/wire.js';
import type { Child } from '../../shared/domain/child.js';
import { ZHANG } from '../fixtures/children.js';
import { makeSetUpCore, SETUP, T0, type TestCore } from '../helpers/core.js';

/** What a confirmed write left in the file: `SELECT count(*) …` with `args` must answer 1 on a fresh connection. */
export interface Proof {
  sql: string;
  args: unknown[];
}

/** One answer of a write procedure: its code (`ok` for success) and, when it confirmed a write, the proof. */
export interface Answer {
  writer: WriterName;
  code: string;
  proof?: Proof;
}

export const WRITERS = [
  'calls.log',
  'children.create',
  'children.update',
  'attendance.signIn',
  'library.lend',
  'events.signUp',
  'settings.update',
  'auth.login (wrong PIN)',
] as const;
export type WriterName = (typeof WRITERS)[number];

const DAY = 86_400_000;
export const WRONG_PIN = '9999';
const NOTE = '孩子说这周考试考得不错，想让妈妈过年早点回家。'.repeat(10).slice(0, 480);

/**
 * A school with children, a book with many copies, an open event and a second teacher, and one writer per
 * domain: each call makes a new write (the next child, the next copy …) so a fault can be tried again and
 * again. Every write that answers ok (a wrong PIN that answers "wrong PIN, n left" counts: it confirmed the
 * counter) leaves a proof, checked on a fresh connection once the core is closed.
 */
export class School {
  readonly proofs = new Map<string, Proof>();
  private n = 0;
  private readonly kids: Child[] = [];
  private copies: string[] = [];
  private eventId = 0;
  teacherId = 0;
  /** The session the writers use: the admin's desk, or the command line's for a core without one. */
  session: string;

  private constructor(
    readonly t: TestCore,
    readonly file: string,
  ) {
    this.session = t.desk;
  }

  static async open(children = 60): Promise<School> {
    const t = await makeSetUpCore();
    const s = new School(t, path.join(t.dataDir, DB_FILE));
    for (let i = 0; i < children; i++) {
      s.kids.push(await t.call('children.create', { ...ZHANG, name: `孩子${i + 1}`, birthDate: `2016-0${1 + (i % 9)}-1${i % 10}` }));
    }
    const book = await t.call('library.createBook', { book: { title: '草房子', author: '曹文轩' }, copies: { count: children } });
    s.copies = book.detail.copies.map((c) => c.barcode);
    const e = await t.call('events.create', {
      title: '合唱团',
      startsAt: T0 + 3 * DAY,
      endsAt: T0 + 3 * DAY + 2 * 3_600_000,
      capacity: null,
      grades: [1, 2, 3, 4, 5, 6],
      opensAt: null,
      closesAt: null,
    });
    s.eventId = e.event.id;
    const teacher = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    s.teacherId = teacher.id;
    return s;
  }

  get core(): Core {
    return this.t.core;
  }

  private confirm(key: string, proof: Proof): Proof {
    this.proofs.set(key, proof);
    return proof;
  }

  /** Makes one write of `writer` through the core and keeps its proof when it answered ok. */
  async write(writer: WriterName, core: Core = this.core, session: string = this.session): Promise<Answer> {
    const i = this.n++;
    const k = this.kids[i % this.kids.length]!;
    const call = (name: string, input: unknown): Promise<CallResult> => core.call(session, name, input);
    let r: CallResult;
    let proof: ((value: never) => Proof) | undefined;
    // An edit is proved by the latest value only (a later edit of the same record replaces the proof).
    let key = `${writer}:${i}`;
    switch (writer) {
      case 'calls.log': {
        // The record as it is now: an edit of the child may have given the contacts new ids.
        const now = await call('children.get', { id: k.id });
        if (!now.ok) return { writer, code: now.error.code };
        const father = (now.value as Child).contacts.find((c) => c.role === 'father')!;
        r = await call('calls.log', { childId: k.id, contactId: father.id, kind: 'voice', direction: 'out', seconds: 60 + i, note: NOTE });
        proof = (v: { id: number }) => ({ sql: 'SELECT count(*) FROM calls WHERE id = ?', args: [v.id] });
        break;
      }
      case 'children.create': {
        const name = `新同学${i}`;
        r = await call('children.create', { ...ZHANG, name, address: `青山镇河东村${i}组`.padEnd(60, '号') });
        proof = (v: { id: number }) => ({ sql: 'SELECT count(*) FROM children WHERE id = ? AND name = ?', args: [v.id, name] });
        break;
      }
      case 'children.update': {
        const address = `青山镇河西村${i}组`;
        r = await call('children.update', { id: k.id, child: { ...ZHANG, name: k.name, birthDate: k.birthDate, address } });
        proof = () => ({ sql: 'SELECT count(*) FROM children WHERE id = ? AND address = ?', args: [k.id, address] });
        key = `${writer}:${k.id}`;
        break;
      }
      case 'attendance.signIn': {
        // In if out, out if in: the same child can be written again and again.
        const board = await call('attendance.board', {});
        const state = board.ok ? (board.value as { children: { id: number; state: string }[] }).children.find((c) => c.id === k.id)?.state : 'none';
        const name = state === 'in' ? 'attendance.signOut' : 'attendance.signIn';
        r = await call(name, { childId: k.id });
        // Proofs that stay true: a visit signed in is later signed out.
        proof =
          name === 'attendance.signIn'
            ? (v: { id: number }) => ({ sql: 'SELECT count(*) FROM visits WHERE id = ?', args: [v.id] })
            : (v: { id: number }) => ({ sql: 'SELECT count(*) FROM visits WHERE id = ? AND out_at IS NOT NULL', args: [v.id] });
        break;
      }
      case 'library.lend': {
        // Back first when it is out, then lent again: each round two writes on the same copy.
        const barcode = this.copies[i % this.copies.length]!;
        const back = await call('library.return', { barcode });
        if (back.ok) {
          const loanId = (back.value as { loan: { id: number } }).loan.id;
          this.confirm(`${writer}:${i}:return`, { sql: 'SELECT count(*) FROM loans WHERE id = ? AND returned_at IS NOT NULL', args: [loanId] });
        } else if (back.error.code !== 'library.notOnLoan') return { writer, code: back.error.code };
        r = await call('library.lend', { childId: k.id, barcode });
        proof = (v: { loan: { id: number } }) => ({ sql: 'SELECT count(*) FROM loans WHERE id = ?', args: [v.loan.id] });
        break;
      }
      case 'events.signUp': {
        const off = await call('events.cancel', { eventId: this.eventId, childId: k.id });
        if (off.ok) {
          const id = (off.value as { signup: { id: number } }).signup.id;
          this.confirm(`${writer}:${i}:cancel`, { sql: "SELECT count(*) FROM signups WHERE id = ? AND status = 'cancelled'", args: [id] });
        } else if (off.error.code !== 'events.notSignedUp') return { writer, code: off.error.code };
        r = await call('events.signUp', { eventId: this.eventId, childId: k.id });
        proof = (v: { signup: { id: number } }) => ({ sql: 'SELECT count(*) FROM signups WHERE id = ?', args: [v.signup.id] });
        break;
      }
      case 'settings.update': {
        const schoolName = `${SETUP.schoolName}${i}`;
        r = await call('settings.update', { schoolName, roomName: SETUP.roomName, language: 'zh-CN', idleLockMinutes: 10 });
        proof = () => ({ sql: "SELECT count(*) FROM settings WHERE key = 'schoolName' AND value = ?", args: [schoolName] });
        key = writer;
        break;
      }
      case 'auth.login (wrong PIN)': {
        // Its own desk session: the admin's stays signed in.
        const desk = core.openSession('desk');
        r = await core.call(desk, 'auth.login', { teacherId: this.teacherId, pin: WRONG_PIN });
        core.closeSession(desk);
        if (r.ok) throw new Error('a wrong PIN signed in');
        const code = r.error.code;
        if (code === 'auth.wrongPin') {
          const wrong = 5 - Number((r.error.params as { remaining: number }).remaining);
          this.confirm('pin', { sql: 'SELECT count(*) FROM teachers WHERE id = ? AND failed_pins = ?', args: [this.teacherId, wrong] });
          return { writer, code: 'ok', proof: this.proofs.get('pin') };
        }
        if (code === 'auth.teacherLocked') {
          // Locked by this wrong PIN, or still locked: either way the lock is in the file. An admin lifts it for the next round.
          this.confirm('pin', { sql: 'SELECT count(*) FROM teachers WHERE id = ? AND locked_until IS NOT NULL', args: [this.teacherId] });
          const reset = await call('teachers.resetPin', { id: this.teacherId, pin: '1357' });
          if (reset.ok) this.confirm('pin', { sql: 'SELECT count(*) FROM teachers WHERE id = ? AND failed_pins = 0 AND locked_until IS NULL', args: [this.teacherId] });
          return { writer, code: 'ok', proof: this.proofs.get('pin') };
        }
        return { writer, code };
      }
    }
    if (!r.ok) return { writer, code: r.error.code };
    const p = proof!(r.value as never);
    return { writer, code: 'ok', proof: this.confirm(key, p) };
  }

  /** Closes the core and counts every confirmed write on a fresh connection to the file; answers those missing. */
  lost(): string[] {
    if (this.core.db.open) this.core.close();
    const db = new Database(this.file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      return [...this.proofs.entries()]
        .filter(([, p]) => db.prepare(p.sql).pluck().get(...p.args) !== 1)
        .map(([key, p]) => `${key}: ${p.sql} ${JSON.stringify(p.args)}`);
    } finally {
      db.close();
    }
  }

  cleanup(): void {
    this.t.cleanup();
  }
}
