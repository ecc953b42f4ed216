import dayjs from 'dayjs';
import type { SummaryFigures } from '../../../shared/domain/summary.js';
import { mondayOf } from '../../../shared/domain/dates.js';
import type { Db } from '../db/open.js';

const TOP = 10;

/**
 * The term summary's figures, each as its definition in shared/domain/summary.ts says. A child is "in
 * school" on a day when their record was created by then and they had not left before it.
 */
export function createSummaryService(db: Db) {
  // Children in school at some time in [from, to].
  const IN_RANGE = `created_at <= @toEnd AND (status = 'active' OR left_date >= @from)`;
  const active = db.prepare(`SELECT count(*) FROM children WHERE ${IN_RANGE}`).pluck();
  const byGrade = db.prepare(`SELECT grade, count(*) AS children FROM children WHERE ${IN_RANGE} GROUP BY grade ORDER BY grade`);
  const byAway = db.prepare(`SELECT away_parents AS awayParents, count(*) AS children FROM children WHERE ${IN_RANGE} GROUP BY away_parents`);
  const joined = db.prepare('SELECT count(*) FROM children WHERE created_at BETWEEN @fromMs AND @toEnd').pluck();
  const left = db.prepare('SELECT count(*) FROM children WHERE left_date BETWEEN @from AND @to').pluck();
  const atEnd = db.prepare(`
    SELECT count(*) AS total, coalesce(sum(missing = '[]'), 0) AS complete FROM children
    WHERE created_at <= @toEnd AND (status = 'active' OR left_date > @to)`);

  // Visits per day in one pass over the (day, child) index; weekdays and weeks are worked out from it.
  const perDay = db.prepare('SELECT day, count(*) AS visits FROM visits INDEXED BY visits_day WHERE day BETWEEN @from AND @to GROUP BY day');
  const distinctChildren = db.prepare('SELECT count(DISTINCT child_id) FROM visits INDEXED BY visits_day WHERE day BETWEEN @from AND @to').pluck();

  const kindsByMonth = db.prepare(`
    SELECT substr(day, 1, 7) AS month, sum(kind = 'voice') AS voice, sum(kind = 'video') AS video, sum(kind = 'letter') AS letters
    FROM calls INDEXED BY calls_day WHERE day BETWEEN @from AND @to GROUP BY month`);
  const leftBehind = db.prepare(`
    SELECT id AS childId, name, grade, class_no AS classNo, created_at AS createdAt, left_date AS leftDate
    FROM children WHERE away_parents <> 'none' AND ${IN_RANGE} ORDER BY grade, class_no, search_full`);
  const parentMonths = db.prepare(`
    SELECT DISTINCT child_id AS childId, substr(day, 1, 7) AS month FROM calls INDEXED BY calls_day
    WHERE day BETWEEN @from AND @to AND with_role IN ('father', 'mother')`);

  const parties = db.prepare(`
    SELECT count(*) AS parties, coalesce(sum(json_array_length(children)), 0) AS celebrated
    FROM group_birthdays WHERE held_on BETWEEN @from AND @to`);

  const loans = db.prepare(`
    SELECT count(*) AS loans, count(DISTINCT child_id) AS readers FROM loans INDEXED BY loans_lent_on WHERE lent_on BETWEEN @from AND @to`);
  const topReaders = db.prepare(`
    SELECT l.child_id AS childId, c.name, c.grade, c.class_no AS classNo, count(*) AS loans
    FROM loans l INDEXED BY loans_lent_on JOIN children c ON c.id = l.child_id WHERE l.lent_on BETWEEN @from AND @to
    GROUP BY l.child_id ORDER BY loans DESC, c.grade, c.class_no, c.search_full LIMIT ${TOP}`);
  const topTitles = db.prepare(`
    SELECT b.id AS bookId, b.title, count(*) AS loans
    FROM loans l INDEXED BY loans_lent_on JOIN copies cp ON cp.id = l.copy_id JOIN books b ON b.id = cp.book_id
    WHERE l.lent_on BETWEEN @from AND @to GROUP BY b.id ORDER BY loans DESC, b.search_full LIMIT ${TOP}`);
  // Out at the end of `to` and past due: lent by then, not back by then, due before it.
  const overdueAtEnd = db.prepare(`
    SELECT count(*) FROM loans WHERE lent_on <= @to AND due_on < @to AND (returned_on IS NULL OR returned_on > @to)`).pluck();

  const held = db.prepare(`
    SELECT k.key, k.name, count(*) AS events FROM events e LEFT JOIN event_categories k ON k.id = e.category_id
    WHERE e.status = 'held' AND e.starts_at BETWEEN @fromMs AND @toEnd GROUP BY e.category_id ORDER BY k.position`);
  const signups = db.prepare(`
    SELECT count(*) FROM signups x JOIN events e ON e.id = x.event_id
    WHERE x.status = 'confirmed' AND e.status <> 'cancelled' AND e.starts_at BETWEEN @fromMs AND @toEnd`).pluck();
  const attendances = db.prepare(`
    SELECT count(*) AS attendances, count(DISTINCT a.child_id) AS takingPart FROM event_attendance a
    JOIN event_sessions s ON s.id = a.session_id WHERE a.present = 1 AND s.day BETWEEN @from AND @to`);

  function months(from: string, to: string): string[] {
    const out: string[] = [];
    for (let m = dayjs(from).startOf('month'); !m.isAfter(to, 'day'); m = m.add(1, 'month')) out.push(m.format('YYYY-MM'));
    return out;
  }

  return {
    compute(from: string, to: string): SummaryFigures {
      const p = { from, to, fromMs: dayjs(from).valueOf(), toEnd: dayjs(to).endOf('day').valueOf() };
      const end = atEnd.get(p) as { total: number; complete: number };
      const days = perDay.all(p) as { day: string; visits: number }[];
      const visits = days.reduce((n, d) => n + d.visits, 0);
      const byWeekday = new Map<number, number>();
      const byWeek = new Map<string, number>();
      for (const d of days) {
        const date = dayjs(d.day);
        byWeekday.set(date.day(), (byWeekday.get(date.day()) ?? 0) + d.visits);
        const monday = mondayOf(d.day);
        byWeek.set(monday, (byWeek.get(monday) ?? 0) + d.visits);
      }
      // The busiest weekday; on a tie the earlier in the week (Sunday first, as SQLite counts).
      const busiest = [...byWeekday].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];

      // Each month of the range: who was in school that month, and who was in touch with a parent.
      const kids = leftBehind.all(p) as { childId: number; name: string; grade: number; classNo: number; createdAt: number; leftDate: string | null }[];
      const touched = new Set((parentMonths.all(p) as { childId: number; month: string }[]).map((x) => `${x.childId}/${x.month}`));
      const perKind = new Map((kindsByMonth.all(p) as { month: string; voice: number; video: number; letters: number }[]).map((x) => [x.month, x]));
      const missed = new Map<number, string[]>();
      const byMonth = months(from, to).map((month) => {
        // The part of the month inside the range.
        const mStart = `${month}-01` < from ? from : `${month}-01`;
        const mEnd = Math.min(dayjs(`${month}-01`).endOf('month').valueOf(), p.toEnd);
        const inMonth = kids.filter((k) => k.createdAt <= mEnd && (k.leftDate === null || k.leftDate >= mStart));
        let contacted = 0;
        for (const k of inMonth) {
          if (touched.has(`${k.childId}/${month}`)) contacted++;
          else missed.set(k.childId, [...(missed.get(k.childId) ?? []), month]);
        }
        const kindsOf = perKind.get(month);
        return { month, children: inMonth.length, contacted, voice: kindsOf?.voice ?? 0, video: kindsOf?.video ?? 0, letters: kindsOf?.letters ?? 0 };
      });
      const k = byMonth.reduce((n, m) => ({ voice: n.voice + m.voice, video: n.video + m.video, letters: n.letters + m.letters }), { voice: 0, video: 0, letters: 0 });
      const party = parties.get(p) as { parties: number; celebrated: number };
      const l = loans.get(p) as { loans: number; readers: number };
      const a = attendances.get(p) as { attendances: number; takingPart: number };

      return {
        from,
        to,
        children: {
          active: Number(active.get(p)),
          byGrade: byGrade.all(p) as SummaryFigures['children']['byGrade'],
          byAway: byAway.all(p) as SummaryFigures['children']['byAway'],
          joined: Number(joined.get(p)),
          left: Number(left.get(p)),
          complete: end.complete,
          completeTotal: end.total,
        },
        room: {
          daysOpen: days.length,
          visits,
          distinctChildren: Number(distinctChildren.get(p)),
          perOpenDay: days.length === 0 ? 0 : Math.round((visits / days.length) * 10) / 10,
          busiestWeekday: busiest ? { weekday: busiest[0], visits: busiest[1] } : null,
          byWeek: [...byWeek].sort((a, b) => a[0].localeCompare(b[0])).map(([week, v]) => ({ week, visits: v })),
        },
        contact: {
          voice: k.voice,
          video: k.video,
          letters: k.letters,
          byMonth,
          missed: kids.filter((x) => missed.has(x.childId)).map((x) => ({ childId: x.childId, name: x.name, grade: x.grade, classNo: x.classNo, months: missed.get(x.childId)! })),
        },
        birthdays: { parties: party.parties, celebrated: party.celebrated },
        library: {
          loans: l.loans,
          readers: l.readers,
          topReaders: topReaders.all(p) as SummaryFigures['library']['topReaders'],
          topTitles: topTitles.all(p) as SummaryFigures['library']['topTitles'],
          overdueAtEnd: Number(overdueAtEnd.get(p)),
        },
        events: {
          held: held.all(p) as SummaryFigures['events']['held'],
          signups: Number(signups.get(p)),
          attendances: a.attendances,
          takingPart: a.takingPart,
        },
      };
    },
  };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
