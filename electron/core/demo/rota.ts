import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import { createTeachersRepo } from '../teachers/teachers.repo.js';
import { TEACHERS } from './names.js';

/** The demo teachers' duty days (Mon–Sat in turn), phones and classes, so the demo shows a rota and full 联系卡. */
const PLAN: readonly { days: number[]; classes: string[] }[] = [
  { days: [1, 4], classes: ['1-1', '1-2'] },
  { days: [2, 5], classes: ['2-1', '2-2'] },
  { days: [3], classes: ['3-1', '3-2'] },
  { days: [6], classes: ['4-1', '4-2'] },
  { days: [1], classes: ['5-1', '5-2'] },
  { days: [3], classes: ['6-1', '6-2'] },
];

export function seedDemoRota(db: Db): void {
  const teachers = createTeachersRepo(db);
  const byName = teachers.idsByName();
  write(db, () =>
    TEACHERS.forEach((name, i) => {
      const id = byName.get(name);
      const plan = PLAN[i % PLAN.length]!;
      if (id !== undefined) teachers.setDetails(id, { phone: `1390851${String(1000 + i * 37).padStart(4, '0')}`, classes: plan.classes, dutyDays: plan.days });
    }),
  );
}
