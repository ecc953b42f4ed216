import dayjs from 'dayjs';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import { rng } from './demo.js';
import { onHoliday } from './visits.js';
import { ADULT_FEMALE, ADULT_MALE, SURNAMES } from './names.js';

const TOPICS = ['study', 'life', 'mood', 'friends', 'health', 'safety', 'family'] as const;
const SUMMARIES = ['最近学习有进步，作业按时完成', '说想妈妈了，约好周末和妈妈视频', '和同桌闹了点矛盾，已经和好', '奶奶腿疼，放学后帮忙做家务', '数学单元测验没考好，约好每周辅导一次', '天冷了，提醒多穿衣服', '说起暑假想去爸爸打工的城市'];
const FOUND = ['爷爷奶奶身体尚可，孩子作息规律', '家里只有奶奶一人照看，辅导作业有困难', '父亲春节回家，愿意多和孩子视频', '住房较旧，冬天取暖不足', '孩子在家爱看手机，监护人管不住'];
const AGREED = ['每周打一次电话沟通孩子情况', '放学后到留守儿童之家写作业', '家长每周至少视频一次', '学校帮助申请冬季衣物资助', '约定手机使用时间'];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/**
 * The care work over the last `years` years, with the school year's rhythm: each left-behind child has a
 * mentor teacher (some changed at the start of a school year, the history kept), some an 爱心妈妈 or
 * 代理家长 and a 手拉手 classmate; teachers talk with each child about monthly and the 爱心妈妈 weekly;
 * home visits cluster at the start and end of each term and around the Spring Festival; guardians are
 * called about monthly and come to a meeting and a training each term; a few children are under close
 * attention with plans reviewed about monthly; support arrives at the start of term and before winter.
 * Written straight into the tables in one transaction.
 */
export function seedCare(db: Db, o: { years: number; today: string; seed: number; now: number }): { pairings: number; talks: number; visits: number; guardians: number } {
  const r = rng(o.seed + 151);
  const teachers = db.prepare("SELECT id FROM teachers WHERE active = 1 AND role = 'teacher' ORDER BY id").pluck().all() as number[];
  const kids = db
    .prepare("SELECT id, mentor_id AS mentor, away_parents AS away, grade, class_no AS classNo FROM children WHERE status = 'active' ORDER BY id")
    .all() as { id: number; mentor: number | null; away: string; grade: number; classNo: number }[];
  if (teachers.length === 0 || kids.length === 0) return { pairings: 0, talks: 0, visits: 0, guardians: 0 };
  const left = kids.filter((k) => k.away !== 'none');
  const buddies = kids.filter((k) => k.away === 'none');
  const start = dayjs(o.today).subtract(o.years, 'year');
  const today = dayjs(o.today);
  const ins = {
    person: db.prepare("INSERT INTO care_people (name, phone, kind, note, created_at) VALUES (?, ?, ?, '', ?) RETURNING id").pluck(),
    pairing: db.prepare('INSERT INTO pairings (child_id, role, teacher_id, person_id, peer_id, from_day, to_day, end_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    talk: db.prepare('INSERT INTO talks (child_id, day, teacher_id, person_id, topics, summary, follow_up, follow_up_by, follow_up_done, written_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    visit: db.prepare('INSERT INTO home_visits (child_id, day, teachers, met, how, found, agreed, written_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    guardian: db.prepare("INSERT INTO guardian_contacts (child_id, day, how, note, written_by, created_at) VALUES (?, ?, ?, '', ?, ?)"),
    meeting: db.prepare('INSERT INTO guardian_meetings (day, kind, title, written_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id').pluck(),
    attend: db.prepare('INSERT OR IGNORE INTO guardian_attendance (meeting_id, child_id) VALUES (?, ?)'),
    attention: db.prepare('INSERT INTO attention (child_id, reasons, detail, from_day, to_day, written_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id').pluck(),
    plan: db.prepare('INSERT INTO attention_plans (attention_id, goals, measures, people, review_on, reviewed_on, review_note, written_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    note: db.prepare('INSERT INTO attention_notes (attention_id, kind, day, body, written_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    support: db.prepare('INSERT INTO support (child_id, day, kind, amount_fen, items, source, source_name, written_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
  };
  const n = { pairings: 0, talks: 0, visits: 0, guardians: 0 };
  // School days of the range (no weekends or holidays), and the first school day of each school year.
  const days: dayjs.Dayjs[] = [];
  for (let d = start; d.isBefore(today, 'day'); d = d.add(1, 'day')) if (d.day() !== 0 && d.day() !== 6 && !onHoliday(d)) days.push(d);
  const yearStarts = [...new Set(days.filter((d) => d.month() === 8).map((d) => `${d.year()}-09-01`))].filter((d) => d > fmt(start));

  write(db, () => {
    // Volunteers: 爱心妈妈 and 代理家长 from the village.
    const people: { id: number; role: 'caringMother' | 'proxyParent' }[] = [];
    for (let i = 0; i < Math.max(3, Math.round(left.length / 12)); i++) {
      const mother = r() < 0.7;
      const name = `${pick(r, SURNAMES)}${pick(r, mother ? ADULT_FEMALE : ADULT_MALE)}`;
      const id = Number(ins.person.get(name, `1${pick(r, ['3', '5', '8'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`, pick(r, ['cadre', 'volunteer', 'retiredTeacher', 'parent']), o.now));
      people.push({ id, role: mother ? 'caringMother' : 'proxyParent' });
    }
    // Mentor teachers, with a change at the start of some school years.
    const mentorOf = new Map<number, { teacher: number; person: number | null }>();
    for (const k of left) {
      let teacher = k.mentor ?? pick(r, teachers);
      let from = fmt(start);
      for (const ys of yearStarts) {
        if (r() < 0.25) {
          const end = dayjs(ys).subtract(1, 'day');
          ins.pairing.run(k.id, 'teacher', teacher, null, null, from, fmt(end), pick(r, ['调班', '教师调动', '重新分配']), o.now);
          n.pairings++;
          teacher = pick(r, teachers);
          from = ys;
        }
      }
      ins.pairing.run(k.id, 'teacher', teacher, null, null, from, null, '', o.now);
      n.pairings++;
      let person: number | null = null;
      if (r() < 0.3) {
        const p = pick(r, people);
        person = p.role === 'caringMother' ? p.id : null;
        ins.pairing.run(k.id, p.role, null, p.id, null, fmt(start.add(Math.floor(r() * 60), 'day')), null, '', o.now);
        n.pairings++;
      }
      if (buddies.length > 0 && r() < 0.35) {
        const peers = buddies.filter((b) => b.grade === k.grade);
        const peer = peers.length > 0 ? pick(r, peers) : pick(r, buddies);
        ins.pairing.run(k.id, 'peer', null, null, peer.id, fmt(start), null, '', o.now);
        n.pairings++;
      }
      mentorOf.set(k.id, { teacher, person });
    }

    // Talks: teachers about monthly (a few months missed), 爱心妈妈 most weeks; guardians called about monthly.
    const months = new Map<string, dayjs.Dayjs[]>();
    for (const d of days) months.set(d.format('YYYY-MM'), [...(months.get(d.format('YYYY-MM')) ?? []), d]);
    for (const k of left) {
      const m = mentorOf.get(k.id)!;
      for (const monthDays of months.values()) {
        const talks = r() < 0.12 ? 0 : r() < 0.7 ? 1 : 2;
        for (let i = 0; i < talks; i++) {
          const d = pick(r, monthDays);
          const topics = [...new Set([pick(r, TOPICS), ...(r() < 0.5 ? [pick(r, TOPICS)] : [])])];
          const follow = r() < 0.1;
          const by = d.add(7, 'day');
          ins.talk.run(k.id, fmt(d), m.teacher, null, JSON.stringify(topics), pick(r, SUMMARIES), follow ? '再了解一下情况' : '', follow ? fmt(by) : null, follow && by.isBefore(today) && (by.isBefore(today.subtract(14, 'day')) || r() < 0.5) ? fmt(by) : null, m.teacher, o.now);
          n.talks++;
        }
        if (r() < 0.8) {
          ins.guardian.run(k.id, fmt(pick(r, monthDays)), pick(r, ['phone', 'phone', 'meeting', 'message']), m.teacher, o.now);
          n.guardians++;
        }
        if (m.person !== null) {
          for (const d of monthDays) {
            if (d.day() !== 5 || r() > 0.8) continue;
            ins.talk.run(k.id, fmt(d), null, m.person, JSON.stringify([pick(r, TOPICS)]), pick(r, SUMMARIES), '', null, null, m.teacher, o.now);
            n.talks++;
          }
        }
      }
    }

    // Home visits: start, middle and end of each term, and the Spring Festival when parents are home.
    const windows: { from: dayjs.Dayjs; to: dayjs.Dayjs; p: number; parent: boolean }[] = [];
    for (let y = start.year() - 1; y <= today.year(); y++) {
      windows.push({ from: dayjs(`${y}-09-02`), to: dayjs(`${y}-09-25`), p: 0.55, parent: false });
      windows.push({ from: dayjs(`${y}-11-05`), to: dayjs(`${y}-11-25`), p: 0.2, parent: false });
      windows.push({ from: dayjs(`${y + 1}-01-05`), to: dayjs(`${y + 1}-01-18`), p: 0.4, parent: false });
      windows.push({ from: dayjs(`${y + 1}-01-28`), to: dayjs(`${y + 1}-02-14`), p: 0.3, parent: true });
      windows.push({ from: dayjs(`${y + 1}-02-22`), to: dayjs(`${y + 1}-03-12`), p: 0.5, parent: false });
      windows.push({ from: dayjs(`${y + 1}-04-15`), to: dayjs(`${y + 1}-05-10`), p: 0.2, parent: false });
      windows.push({ from: dayjs(`${y + 1}-06-20`), to: dayjs(`${y + 1}-07-08`), p: 0.4, parent: false });
    }
    for (const w of windows) {
      if (w.to.isBefore(start) || !w.from.isBefore(today)) continue;
      const span = Math.max(1, w.to.diff(w.from, 'day'));
      for (const k of left) {
        if (r() > w.p) continue;
        const d = w.from.add(Math.floor(r() * span), 'day');
        if (d.isBefore(start) || !d.isBefore(today)) continue;
        const m = mentorOf.get(k.id)!;
        const visitors = r() < 0.4 ? [m.teacher, pick(r, teachers)] : [m.teacher];
        ins.visit.run(k.id, fmt(d), JSON.stringify([...new Set(visitors)]), w.parent ? 'parentHome' : r() < 0.9 ? 'guardian' : 'other', r() < 0.8 ? 'home' : r() < 0.5 ? 'school' : 'phone', pick(r, FOUND), pick(r, AGREED), m.teacher, o.now);
        n.visits++;
      }
      // A guardians' meeting at the start of term, a training in the middle.
      if (!w.parent && (w.p >= 0.5 || w.from.month() === 10 || w.from.month() === 3)) {
        const d = w.from.add(Math.floor(span / 2), 'day');
        if (d.isBefore(start) || !d.isBefore(today)) continue;
        const kind = w.p >= 0.5 ? 'meeting' : 'training';
        const id = Number(ins.meeting.get(fmt(d), kind, kind === 'meeting' ? '留守儿童家长会' : pick(r, ['监护人培训：防溺水安全', '家长学校：如何和孩子沟通', '监护人培训：冬季防火防寒']), teachers[0]!, o.now));
        for (const k of kids) if (r() < (k.away === 'none' ? 0.3 : 0.6)) ins.attend.run(id, k.id);
      }
    }

    // Close attention: a few children each year, with plans reviewed about monthly (a few late) and notes.
    for (const k of left) {
      if (r() > 0.07) continue;
      const m = mentorOf.get(k.id)!;
      const from = start.add(Math.floor(r() * Math.max(1, today.diff(start, 'day') - 30)), 'day');
      const ended = r() < 0.5 ? from.add(60 + Math.floor(r() * 120), 'day') : null;
      const to = ended && ended.isBefore(today) ? ended : null;
      const id = Number(ins.attention.get(k.id, JSON.stringify([pick(r, ['mood', 'learning', 'behaviour', 'family', 'health'])]), '', fmt(from), to ? fmt(to) : null, m.teacher, o.now));
      for (let review = from.add(30, 'day'); review.isBefore(to ?? today.add(20, 'day')); review = review.add(30, 'day')) {
        const reviewed = review.isBefore(today) ? review.add(r() < 0.8 ? -Math.floor(r() * 3) : 3 + Math.floor(r() * 10), 'day') : null;
        const done = reviewed !== null && reviewed.isBefore(today);
        ins.plan.run(id, '情绪稳定，按时完成作业', '每周谈心一次；放学后到留守儿童之家写作业；每月联系父母一次', '帮扶教师、班主任', fmt(review), done ? fmt(reviewed) : null, done ? '有进步，继续关注' : '', m.teacher, o.now);
        ins.note.run(id, r() < 0.5 ? 'counselling' : 'progress', fmt(review.subtract(10, 'day')), r() < 0.5 ? '谈了谈最近的心情，孩子愿意说出来了' : '作业完成情况好转', m.teacher, o.now);
      }
    }

    // Support: at the start of each term for some left-behind children; winter clothes before the cold.
    for (const w of windows.filter((x) => x.p >= 0.5 || x.from.month() === 10)) {
      if (w.to.isBefore(start) || !w.from.isBefore(today)) continue;
      for (const k of left) {
        if (r() > 0.18) continue;
        const d = w.from.add(Math.floor(r() * 10), 'day');
        if (d.isBefore(start) || !d.isBefore(today)) continue;
        const winter = w.from.month() === 10;
        if (winter) ins.support.run(k.id, fmt(d), 'clothes', 0, '棉衣一件', 'company', '县爱心企业', teachers[0]!, o.now);
        else if (r() < 0.6) ins.support.run(k.id, fmt(d), 'money', (3 + Math.floor(r() * 8)) * 10000, '', 'government', '县教育局', teachers[0]!, o.now);
        else ins.support.run(k.id, fmt(d), 'school', 0, '书包、文具一套', 'volunteer', '', teachers[0]!, o.now);
      }
    }
  });
  return n;
}
