import dayjs from 'dayjs';
import type { Day } from '../../../shared/domain/dates.js';
import type { CareFigures } from '../../../shared/domain/care.js';
import type { Db } from '../db/open.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { createStatsRepo } from './stats.repo.js';
import { dayRange, monthsOf } from './stats.js';
import { createCareStatsRepo } from './care.repo.js';


/**
 * The care figures of a range, each defined once here (the summary, its paragraph and the care section
 * read them). "Left-behind children" are the stats' own (stats.repo's leftBehind: in school at some time
 * in the range, by the one definition of who is left behind); a child is "in school in a month" as in the
 * family-contact figure: the record created by the month's end, not left before its start.
 *
 * - leftBehind / paired: those children, and of them the ones with a pairing (any kind of mentor) at some time in the range.
 * - talks: talks logged in the range (by anyone), the children talked with; for each calendar month (the part
 *   inside the range) the left-behind children in school that month (childMonths), and of those the ones with
 *   at least the monthly target of talks by teachers that month (metTarget; a target of 0 is met by all).
 * - visits: home visits in the range; families: the left-behind children whose home was visited in it.
 * - guardians: guardian contacts in the range; guardians' meetings and trainings held; families: the children
 *   whose family attended at least one.
 * - attention: children under close attention at some time in the range; plans whose review day falls in it,
 *   and of those the ones reviewed on or before that day. Counts only: never a reason or a note.
 * - support: records, children and total money (fen) received in the range.
 */
export function createCareStats(db: Db) {
  const stats = createStatsRepo(db);
  const repo = createCareStatsRepo(db);
  const settings = createSettingsRepo(db);

  function figures(from: Day, to: Day): CareFigures {
    const r = dayRange(from, to);
    const kids = stats.leftBehind(r);
    const ids = new Set(kids.map((k) => k.childId));
    const paired = repo.paired(r);
    const target = settings.read(SETTING.careRules).talksPerMonth;

    const talkRows = repo.talks(r);
    const byTeachers = new Map<string, number>();
    for (const t of talkRows) if (t.teacher) byTeachers.set(`${t.childId}/${t.month}`, (byTeachers.get(`${t.childId}/${t.month}`) ?? 0) + t.n);
    let childMonths = 0;
    let metTarget = 0;
    for (const month of monthsOf(from, to)) {
      const mStart = `${month}-01` < from ? from : `${month}-01`;
      const mEnd = Math.min(dayjs(`${month}-01`).endOf('month').valueOf(), r.toEnd);
      for (const k of kids) {
        if (!(k.createdAt <= mEnd && (k.leftDate === null || k.leftDate >= mStart))) continue;
        childMonths++;
        if ((byTeachers.get(`${k.childId}/${month}`) ?? 0) >= target) metTarget++;
      }
    }
    const visitRows = repo.visits(r);
    const meetings = repo.meetings(r);
    const plans = repo.plans(r);
    return {
      leftBehind: kids.length,
      paired: kids.filter((k) => paired.has(k.childId)).length,
      talks: {
        talks: talkRows.reduce((n, t) => n + t.n, 0),
        children: new Set(talkRows.map((t) => t.childId)).size,
        childMonths,
        metTarget,
      },
      visits: { visits: visitRows.reduce((n, v) => n + v.n, 0), families: visitRows.filter((v) => ids.has(v.childId)).length },
      guardians: { contacts: repo.guardianContacts(r), meetings: meetings.meetings, families: meetings.families },
      attention: { children: repo.attention(r), plansDue: plans.due, reviewedOnTime: plans.onTime },
      support: repo.support(r),
    };
  }

  return { figures };
}

export type CareStats = ReturnType<typeof createCareStats>;
