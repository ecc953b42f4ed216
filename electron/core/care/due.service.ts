import dayjs from 'dayjs';
import { mondayOf } from '../../../shared/domain/dates.js';
import type { DueItem, MyChild } from '../../../shared/domain/care.js';
import type { Db } from '../db/open.js';
import { createStatsRepo, type LeftBehindRow } from '../stats/stats.repo.js';
import { dayRange } from '../stats/stats.js';
import { createSettingsRepo } from '../settings/settings.repo.js';
import type { CareService } from './care.service.js';
import { createAttentionRepo, type AttentionRow } from './attention.repo.js';

const endOfMonth = (day: string) => dayjs(day).endOf('month').format('YYYY-MM-DD');
const sundayOf = (day: string) => dayjs(mondayOf(day)).add(6, 'day').format('YYYY-MM-DD');

/**
 * What is due for the care targets on `today` (Settings → 关爱帮扶):
 * - talk: a left-behind child with fewer talks by teachers this calendar month than the monthly target;
 * - caringMother: a current 爱心妈妈 pairing with fewer talks by her this week (Monday–Sunday) than the weekly target;
 * - followUp: a talk's follow-up not done, due by the end of this week (or overdue);
 * - visit: a left-behind child with fewer home visits this term than the term target (no term: none);
 * - guardian: a left-behind child with fewer guardian contacts this month than the monthly target;
 * - review: an open close-attention plan to review by the end of this week (or overdue).
 * "Left-behind" is the stats' one definition (stats.repo's leftBehind), never decided here.
 * With `teacherId`, only that teacher's current children (and the follow-ups they wrote).
 */
export function createDueService(db: Db, care: CareService) {
  const stats = createStatsRepo(db);
  const settings = createSettingsRepo(db);
  const attention = createAttentionRepo(db);

  /** The left-behind children in school on `day`. */
  const leftBehindOn = (day: string): LeftBehindRow[] => stats.leftBehind(dayRange(day, day));

  /**
   * `mayRead` says whose close attention the caller may know of (writer, current mentor, admin): a plan to
   * review names a child under close attention, so no one else sees it in a due list.
   */
  function due(today: string, teacherId: number | null, mayRead: (a: AttentionRow) => boolean): { weekEnd: string; items: DueItem[] } {
    const r = care.rules();
    const weekEnd = sundayOf(today);
    const monthStart = `${today.slice(0, 7)}-01`;
    const monthEnd = endOfMonth(today);
    const mine = teacherId === null ? null : new Set(care.repo.ofTeacher(teacherId, today).map((p) => p.childId));
    const inScope = (childId: number) => mine === null || mine.has(childId);
    const kids = leftBehindOn(today).filter((k) => inScope(k.childId));
    const items: DueItem[] = [];
    const item = (kind: DueItem['kind'], k: { childId: number; name: string; grade: number; classNo: number }, by: string, done: number, target: number, refId: number | null = null, note = ''): DueItem => ({
      kind,
      childId: k.childId,
      name: k.name,
      grade: k.grade,
      classNo: k.classNo,
      by,
      done,
      target,
      refId,
      note,
    });

    if (r.talksPerMonth > 0) {
      const talks = care.records.teacherTalks(monthStart, today);
      for (const k of kids) {
        const n = talks.get(k.childId) ?? 0;
        if (n < r.talksPerMonth) items.push(item('talk', k, monthEnd, n, r.talksPerMonth));
      }
    }
    if (r.caringMotherPerWeek > 0) {
      const talks = care.records.personTalks(mondayOf(today), today);
      const count = (childId: number, personId: number) => talks.find((x) => x.childId === childId && x.personId === personId)?.n ?? 0;
      for (const p of care.repo.current(today)) {
        if (p.role !== 'caringMother' || p.personId === null || !inScope(p.childId)) continue;
        const n = count(p.childId, p.personId);
        if (n < r.caringMotherPerWeek) items.push(item('caringMother', { ...p, name: p.childName }, weekEnd, n, r.caringMotherPerWeek, p.id, p.mentorName));
      }
    }
    for (const t of care.records.openFollowUps(weekEnd)) {
      if (mine !== null && !mine.has(t.childId) && t.writtenBy !== teacherId) continue;
      items.push(item('followUp', { ...t, name: t.childName }, t.followUpBy!, 0, 1, t.id, t.followUp));
    }
    const term = settings.termOn(today);
    if (term && r.visitsPerTerm > 0) {
      const visits = care.records.visitCounts(term.start, today);
      for (const k of kids) {
        const n = visits.get(k.childId) ?? 0;
        if (n < r.visitsPerTerm) items.push(item('visit', k, term.end, n, r.visitsPerTerm));
      }
    }
    if (r.guardianPerMonth > 0) {
      const contacts = care.records.guardianCounts(monthStart, today);
      for (const k of kids) {
        const n = contacts.get(k.childId) ?? 0;
        if (n < r.guardianPerMonth) items.push(item('guardian', k, monthEnd, n, r.guardianPerMonth));
      }
    }
    for (const a of attention.open()) {
      if (a.reviewOn === null || a.reviewOn > weekEnd || !mayRead(a)) continue;
      if (mine !== null && !mine.has(a.childId) && a.writtenBy !== teacherId) continue;
      items.push(item('review', { ...a, name: a.childName }, a.reviewOn, 0, 1, a.id));
    }
    items.sort((a, b) => a.by.localeCompare(b.by) || a.grade - b.grade || a.classNo - b.classNo);
    return { weekEnd, items };
  }

  /** 我的结对儿童: each current pairing of the teacher, with the last talk and visit and what is due for that child. */
  function mine(today: string, teacherId: number, mayRead: (a: AttentionRow) => boolean): MyChild[] {
    const { items } = due(today, teacherId, mayRead);
    const open = new Set(attention.open().map((a) => a.childId));
    return care.repo.ofTeacher(teacherId, today).map((pairing) => ({
      pairing,
      lastTalk: care.records.lastTalk(pairing.childId),
      lastVisit: care.records.lastVisit(pairing.childId),
      underAttention: open.has(pairing.childId),
      due: items.filter((i) => i.childId === pairing.childId),
    }));
  }

  const leftBehindIds = (today: string): Set<number> => new Set(leftBehindOn(today).map((k) => k.childId));

  return { due, mine, leftBehindIds };
}

export type DueService = ReturnType<typeof createDueService>;
