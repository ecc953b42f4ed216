import { randomBytes } from 'node:crypto';
import dayjs from 'dayjs';
import { childInput, type ChildInput } from '../../../shared/domain/child.js';
import type { GuardianRelation } from '../../../shared/domain/normalize.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { ChildrenService } from '../children/children.service.js';
import { hashPin } from '../teachers/pin.js';
import { createAuditRepo } from '../audit/audit.repo.js';
import { ADULT_FEMALE, ADULT_MALE, BOY, GIRL, SURNAMES, TEACHERS, VILLAGES, WORK_PLACES } from './names.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same school. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoOptions {
  children: number;
  seed: number;
  today: string;
  now: number;
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const phone = (r: () => number) => `1${pick(r, ['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;

/** One made-up child of a rural school: most live with grandparents while a parent or both work in a city. */
export function demoChild(r: () => number, today: string, mentorIds: readonly number[]): ChildInput {
  const surname = pick(r, SURNAMES);
  const girl = r() < 0.48;
  const given = (girl ? [pick(r, GIRL), r() < 0.6 ? pick(r, GIRL) : ''] : [pick(r, BOY), r() < 0.6 ? pick(r, BOY) : '']).join('');
  const grade = 1 + Math.floor(r() * 6);
  const age = grade + 5 + (r() < 0.15 ? 1 : 0);
  const birth = dayjs(today).subtract(age, 'year').subtract(Math.floor(r() * 365), 'day').format('YYYY-MM-DD');
  const roll = r();
  const awayParents = roll < 0.45 ? 'both' : roll < 0.75 ? 'father' : roll < 0.88 ? 'mother' : 'none';
  const village = `青山镇${pick(r, VILLAGES)}${1 + Math.floor(r() * 8)}组`;
  const fatherAway = awayParents === 'both' || awayParents === 'father';
  const motherAway = awayParents === 'both' || awayParents === 'mother';
  const paternal = r() < 0.7;
  const grandma = r() < 0.6;
  const relation: GuardianRelation =
    awayParents === 'none'
      ? 'mother'
      : paternal
        ? grandma
          ? 'grandmotherPaternal'
          : 'grandfatherPaternal'
        : grandma
          ? 'grandmotherMaternal'
          : 'grandfatherMaternal';
  const guardianSurname = paternal ? surname : pick(r, SURNAMES);
  const guardianName = relation === 'mother' ? `${pick(r, SURNAMES)}${pick(r, ADULT_FEMALE)}` : `${guardianSurname}${grandma ? pick(r, ADULT_FEMALE) : pick(r, ADULT_MALE)}`;
  const contacts: NonNullable<ChildInput['contacts']> = [
    { role: 'father', name: `${surname}${pick(r, ADULT_MALE)}`, phones: phone(r), workPlace: fatherAway ? pick(r, WORK_PLACES) : '', livesWith: !fatherAway },
    { role: 'mother', name: `${pick(r, SURNAMES)}${pick(r, ADULT_FEMALE)}`, phones: phone(r), workPlace: motherAway ? pick(r, WORK_PLACES) : '', livesWith: !motherAway },
  ];
  if (awayParents !== 'none') contacts.push({ role: 'guardian', name: guardianName, relation, phones: r() < 0.92 ? phone(r) : '', livesWith: true });
  // A few records are left incomplete, as real ones are.
  return {
    name: `${surname}${given}`,
    gender: girl ? 'female' : 'male',
    birthDate: r() < 0.97 ? birth : '',
    grade,
    classNo: 1 + Math.floor(r() * 2),
    awayParents,
    address: r() < 0.95 ? village : '',
    mentorId: awayParents !== 'none' && r() < 0.9 && mentorIds.length > 0 ? pick(r, mentorIds) : null,
    notes: '',
    contacts,
  };
}

/**
 * Fills a database with a made-up school: a few mentor teachers (random PINs: an admin resets them
 * before use) and `children` children. Later issues add visits, loans, calls and events here.
 */
export async function seedDemo(db: Db, children: ChildrenService, o: DemoOptions): Promise<{ children: number; teachers: number }> {
  const r = rng(o.seed);
  const mentorIds: number[] = [];
  const insertTeacher = db.prepare("INSERT INTO teachers (name, role, pin_hash, created_at) VALUES (?, 'teacher', ?, ?) ON CONFLICT (name) DO NOTHING");
  const teacherId = db.prepare('SELECT id FROM teachers WHERE name = ?').pluck();
  for (const name of TEACHERS) {
    const pinHash = await hashPin(randomBytes(8).toString('hex').replace(/\D/g, '').padEnd(8, '7').slice(0, 8));
    write(db, () => insertTeacher.run(name, pinHash, o.now));
    mentorIds.push(Number(teacherId.get(name)));
  }
  const audit = createAuditRepo(db);
  let made = 0;
  write(db, () => {
    for (let i = 0; i < o.children; i++) {
      const fields = childInput.parse(demoChild(r, o.today, mentorIds));
      // Seeding twice with the same seed adds nobody twice.
      if (children.repo.findSame(fields.name, fields.birthDate, fields.grade, fields.classNo) !== undefined) continue;
      children.insert(fields, o.now);
      made++;
    }
    audit.write({ at: o.now, teacherId: null, action: 'demo.seed', entity: 'child', detail: { children: made } });
  });
  return { children: made, teachers: mentorIds.length };
}
