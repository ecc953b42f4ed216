import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type {
  CareRules,
  GuardianContact,
  HomeVisit,
  Meeting,
  Pairing,
  Person,
  PriorityChild,
  Support,
  Talk,
  guardianContactInput,
  homeVisitInput,
  meetingInput,
  pairInput,
  personInput,
  supportInput,
  talkInput,
} from '../../../shared/domain/care.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext } from '../context.js';
import { createChildrenRepo } from '../children/children.repo.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { changeSetting } from '../settings/settings.service.js';
import { dayOf } from '../../../shared/domain/dates.js';
import dayjs from 'dayjs';
import { createCareRepo } from './care.repo.js';
import { createAttentionRepo } from './attention.repo.js';
import { createRecordsRepo } from './records.repo.js';

/** The signed-in teacher, or null for the command line's session. */
export const teacherOf = (ctx: CallContext): number | null => ctx.session.teacher?.id ?? null;

/**
 * Mentors and pairings, talks, home visits, guardian contacts and meetings, support: each write checks
 * the child and the people it names in its own transaction.
 */
export function createCareService(db: Db) {
  const repo = createCareRepo(db);
  const records = createRecordsRepo(db);
  const attention = createAttentionRepo(db);
  const children = createChildrenRepo(db);
  const settings = createSettingsRepo(db);

  const rules = (): CareRules => settings.read(SETTING.careRules);

  /** A child the work can be logged for: exists and has not left. */
  function activeChild(childId: number): void {
    const c = children.brief(childId);
    if (!c) throw new AppError('children.notFound');
    if (c.status !== 'active') throw new AppError('care.childLeft');
  }
  function notFuture(day: string, now: number): void {
    if (day > dayOf(now)) throw new AppError('care.inFuture');
  }
  function activeTeacher(id: number): void {
    const a = repo.teacherActive(id);
    if (a === undefined) throw new AppError('teachers.notFound');
    if (a !== 1) throw new AppError('care.teacherInactive');
  }

  return {
    repo,
    records,
    rules,
    setRules: (next: CareRules, ctx: CallContext): CareRules => changeSetting(db, SETTING.careRules, next, 'care.rules', ctx),

    people: (now: number): Person[] => repo.people(dayOf(now)),
    savePerson(input: z.output<typeof personInput>, ctx: CallContext): Person {
      return write(db, () => {
        const { id, ...fields } = input;
        let personId = id;
        if (personId) {
          if (!repo.person(personId, dayOf(ctx.now))) throw new AppError('care.personNotFound');
          repo.updatePerson(personId, fields);
        } else {
          personId = repo.insertPerson(fields, ctx.now);
        }
        ctx.audit({ action: 'care.person', entity: 'carePerson', entityId: personId, detail: { name: fields.name, kind: fields.kind } });
        return repo.person(personId, dayOf(ctx.now))!;
      });
    },

    /** A new pairing; the same mentor already paired with the child then is refused (history is kept, never doubled). */
    pair(input: z.output<typeof pairInput>, ctx: CallContext): Pairing {
      return write(db, () => {
        activeChild(input.childId);
        const { role } = input;
        const teacherId = role === 'teacher' ? input.teacherId : null;
        const personId = role === 'proxyParent' || role === 'caringMother' || role === 'volunteer' ? input.personId : null;
        const peerId = role === 'peer' ? input.peerId : null;
        if (role === 'teacher') {
          if (teacherId === null) throw new AppError('care.mentorMismatch');
          activeTeacher(teacherId);
          // A teacher mentor reads the child's close-attention record: while one is open, only an admin pairs one.
          const admin = ctx.session.system || ctx.session.teacher?.role === 'admin';
          if (!admin && attention.openOf(input.childId) !== undefined) throw new AppError('care.pairNeedsAdmin');
        } else if (role === 'peer') {
          if (peerId === null || peerId === input.childId) throw new AppError('care.mentorMismatch');
          activeChild(peerId);
        } else {
          if (personId === null) throw new AppError('care.mentorMismatch');
          const p = repo.person(personId, dayOf(ctx.now));
          if (!p) throw new AppError('care.personNotFound');
        }
        const row = { childId: input.childId, role, teacherId, personId, peerId, fromDay: input.fromDay, now: ctx.now };
        if (repo.sameOpen(row) !== undefined) throw new AppError('care.alreadyPaired');
        const id = repo.insertPairing(row);
        ctx.audit({ action: 'care.pair', entity: 'child', entityId: input.childId, detail: { pairing: id, role, teacherId, personId, peerId, from: input.fromDay } });
        return repo.pairing(id)!;
      });
    },

    unpair(id: number, toDay: string, reason: string, ctx: CallContext): Pairing {
      return write(db, () => {
        const p = repo.pairing(id);
        if (!p) throw new AppError('care.notFound');
        if (p.toDay !== null) throw new AppError('care.pairingEnded');
        if (toDay < p.fromDay) throw new AppError('care.endBeforeStart');
        repo.endPairing(id, toDay, reason);
        ctx.audit({ action: 'care.unpair', entity: 'child', entityId: p.childId, detail: { pairing: id, to: toDay, reason } });
        return repo.pairing(id)!;
      });
    },

    logTalk(input: z.output<typeof talkInput>, ctx: CallContext): Talk {
      return write(db, () => {
        activeChild(input.childId);
        notFuture(input.day, ctx.now);
        if (input.followUpBy !== null && input.followUp === '') throw new AppError('care.noFollowUp');
        if (input.followUpBy !== null && input.followUpBy < input.day) throw new AppError('care.followUpBefore');
        // The talker: a person (an 爱心妈妈), a teacher named, or the teacher signed in.
        const personId = input.personId;
        const teacherId = personId !== null ? null : (input.teacherId ?? teacherOf(ctx));
        if (personId !== null && !repo.person(personId, input.day)) throw new AppError('care.personNotFound');
        if (personId === null && teacherId === null) throw new AppError('care.mentorMismatch');
        if (teacherId !== null && repo.teacherActive(teacherId) === undefined) throw new AppError('teachers.notFound');
        const id = records.insertTalk({
          childId: input.childId,
          day: input.day,
          teacherId,
          personId,
          topics: JSON.stringify([...new Set(input.topics)]),
          summary: input.summary,
          followUp: input.followUp,
          followUpBy: input.followUpBy,
          writtenBy: teacherOf(ctx),
          now: ctx.now,
        });
        return records.talk(id)!;
      });
    },

    followUpDone(id: number, day: string, ctx: CallContext): Talk {
      return write(db, () => {
        const talk = records.talk(id);
        if (!talk) throw new AppError('care.notFound');
        if (talk.followUp === '') throw new AppError('care.noFollowUp');
        notFuture(day, ctx.now);
        records.followUpDone(id, day);
        return records.talk(id)!;
      });
    },

    logVisit(input: z.output<typeof homeVisitInput>, ctx: CallContext): HomeVisit {
      return write(db, () => {
        activeChild(input.childId);
        notFuture(input.day, ctx.now);
        const teachers = [...new Set(input.teacherIds)];
        for (const t of teachers) if (repo.teacherActive(t) === undefined) throw new AppError('teachers.notFound');
        const id = records.insertVisit({ ...input, teachers: JSON.stringify(teachers), writtenBy: teacherOf(ctx), now: ctx.now });
        return records.visit(id)!;
      });
    },

    logGuardian(input: z.output<typeof guardianContactInput>, ctx: CallContext): GuardianContact {
      return write(db, () => {
        activeChild(input.childId);
        notFuture(input.day, ctx.now);
        const id = records.insertGuardian({ ...input, writtenBy: teacherOf(ctx), now: ctx.now });
        return records.guardian(id)!;
      });
    },

    /** A guardians' meeting or training, and the families that came (by child; a child counted once). */
    saveMeeting(input: z.output<typeof meetingInput>, ctx: CallContext): Meeting {
      return write(db, () => {
        notFuture(input.day, ctx.now);
        const id = records.insertMeeting({ day: input.day, kind: input.kind, title: input.title, writtenBy: teacherOf(ctx), now: ctx.now });
        for (const childId of new Set(input.childIds)) {
          if (!children.brief(childId)) throw new AppError('children.notFound');
          records.attend(id, childId);
        }
        return records.meetingsBetween(input.day, input.day).find((m) => m.id === id)!;
      });
    },

    logSupport(input: z.output<typeof supportInput>, ctx: CallContext): Support {
      return write(db, () => {
        activeChild(input.childId);
        notFuture(input.day, ctx.now);
        const id = records.insertSupport({
          childId: input.childId,
          day: input.day,
          kind: input.kind,
          amountFen: Math.round(input.amountYuan * 100),
          items: input.items,
          source: input.source,
          sourceName: input.sourceName,
          writtenBy: teacherOf(ctx),
          now: ctx.now,
        });
        ctx.audit({ action: 'care.support', entity: 'child', entityId: input.childId, detail: { support: id, kind: input.kind } });
        return records.supportOne(id)!;
      });
    },

    /**
     * 三个优先: the active children of the grades chosen, left-behind children first (`isLeftBehind`, the
     * one definition), then those who received least in the last twelve months, then by class and name.
     */
    priority(grades: readonly number[], now: number, isLeftBehind: (childId: number) => boolean): PriorityChild[] {
      const since = dayjs(dayOf(now)).subtract(12, 'month').format('YYYY-MM-DD');
      return records
        .priority(grades, since)
        .map((c) => ({ ...c, leftBehind: isLeftBehind(c.childId) }))
        .sort((a, b) => Number(b.leftBehind) - Number(a.leftBehind) || a.receivedFen - b.receivedFen);
    },
  };
}

export type CareService = ReturnType<typeof createCareService>;
