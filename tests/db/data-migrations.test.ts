import { describe, expect, it } from 'vitest';
import { m0060 } from '../../electron/core/db/migrations/0060-create-library.js';
import { m0080 } from '../../electron/core/db/migrations/0080-create-events.js';
import { m0110 } from '../../electron/core/db/migrations/0110-add-parent-situations.js';
import { m0111 } from '../../electron/core/db/migrations/0111-add-term-pupils.js';
import { m0140 } from '../../electron/core/db/migrations/0140-add-teacher-details-and-rota.js';
import { createDb, getTableData, insertData, migrateWithData, updateToVersion, versionBefore } from './helpers.js';

/** A child's row as the children table has held it since 0040. */
const CHILD = {
  id: 7,
  name: '张三丽',
  grade: 3,
  class_no: 2,
  away_parents: 'both',
  card_code: 'C0007',
  search_full: 'zhangsanli',
  search_initials: 'zsl',
  created_at: 1_764_000_000_000,
  updated_at: 1_764_000_000_000,
};

describe('data migrations (one test each: the version before, insert, migrate, read)', () => {
  it('the helpers take a database step by step and refuse a version that does not exist', () => {
    const db = createDb();
    updateToVersion(db, versionBefore(m0060.version));
    expect(db.pragma('user_version', { simple: true })).toBe(50);
    expect(() => updateToVersion(db, 55)).toThrow('no migration 55');
    expect(() => insertData(db, 'children; DROP TABLE children', [CHILD])).toThrow('not a plain SQL name');
    db.close();
  });

  it('0060 create-library: the built-in book categories arrive; children and their visits are kept', () => {
    const visit = { id: 1, child_id: 7, day: '2026-11-27', in_at: 1_764_230_400_000, in_by: 'kiosk' };
    const db = migrateWithData(m0060.version, { children: [CHILD], visits: [visit] });
    expect(getTableData(db, 'book_categories')).toEqual([
      { id: 1, key: 'picture', name: '绘本', position: 1 },
      { id: 2, key: 'fairy', name: '童话', position: 2 },
      { id: 3, key: 'science', name: '科普', position: 3 },
      { id: 4, key: 'literature', name: '文学', position: 4 },
      { id: 5, key: 'history', name: '历史', position: 5 },
      { id: 6, key: 'comics', name: '漫画', position: 6 },
      { id: 7, key: 'study', name: '教辅', position: 7 },
      { id: 8, key: 'other', name: '其他', position: 8 },
    ]);
    expect(getTableData(db, 'children')).toEqual([expect.objectContaining({ ...CHILD, status: 'active', missing: '[]' })]);
    expect(getTableData(db, 'visits')).toEqual([
      { ...visit, out_at: null, in_teacher_id: null, out_by: null, out_teacher_id: null, not_signed_out: 0 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it("0080 create-events: the built-in event categories arrive apart from the room's own book categories", () => {
    const ownShelf = { key: null, name: '绘本（大字）', position: 9 };
    const call = { id: 1, child_id: 7, with_role: 'mother', kind: 'video', direction: 'out', at: 1_764_230_400_000, day: '2026-11-27', created_at: 1_764_230_400_000 };
    const db = migrateWithData(m0080.version, { children: [CHILD], book_categories: [ownShelf], calls: [call] });
    expect(getTableData(db, 'event_categories').map((c) => [c.key, c.name, c.position])).toEqual([
      ['sports', '文体', 1],
      ['contest', '竞赛', 2],
      ['outing', '出游', 3],
      ['health', '体检', 4],
      ['talk', '讲座', 5],
      ['club', '兴趣小组', 6],
      ['other', '其他', 7],
    ]);
    expect(getTableData(db, 'book_categories')).toHaveLength(9);
    expect(getTableData(db, 'book_categories')[8]).toEqual({ id: 9, ...ownShelf });
    expect(getTableData(db, 'calls')).toEqual([{ ...call, with_name: '', seconds: null, note: '', teacher_id: null }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
  it("0110 add-parent-situations: each old 留守类型 becomes the parents' situations and its category", () => {
    const rows = (['both', 'father', 'mother', 'none'] as const).map((away, i) => ({
      ...CHILD,
      id: 10 + i,
      away_parents: away,
      card_code: `C00${10 + i}`,
      birth_date: '2018-03-05',
    }));
    const contact = { id: 1, child_id: 11, position: 0, role: 'father', name: '张大山', work_place: '广东东莞' };
    const db = migrateWithData(m0110.version, { children: rows, contacts: [contact] });
    const read = getTableData(db, 'children').map((c) => [c.id, c.away_parents, c.father_situation, c.mother_situation, c.category, c.birth_date, c.birth_month_only, c.pupil_no, c.id_number]);
    expect(read).toEqual([
      [10, 'both', 'away', 'away', 'leftBehind', '2018-03-05', 0, '', null],
      [11, 'father', 'away', 'home', 'oneAway', '2018-03-05', 0, '', null],
      [12, 'mother', 'home', 'away', 'oneAway', '2018-03-05', 0, '', null],
      [13, 'none', 'home', 'home', 'none', '2018-03-05', 0, '', null],
    ]);
    // The work place stays with the parent's contact row.
    expect(getTableData(db, 'contacts')).toEqual([expect.objectContaining({ child_id: 11, role: 'father', work_place: '广东东莞' })]);
    expect(() => db.prepare("UPDATE children SET father_situation = 'abroad' WHERE id = 10").run()).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
  it('0111 add-term-pupils: the terms keep their dates and have no pupil count until one is entered', () => {
    const term = { id: 1, name: '2026年秋季学期', start_date: '2026-09-01', end_date: '2027-01-31' };
    const db = migrateWithData(m0111.version, { terms: [term] });
    expect(getTableData(db, 'terms')).toEqual([{ ...term, pupils: null }]);
    db.prepare('UPDATE terms SET pupils = 612 WHERE id = 1').run();
    expect(() => db.prepare('UPDATE terms SET pupils = -1 WHERE id = 1').run()).toThrow(/CHECK/);
    db.close();
  });

  it('0140 add-teacher-details-and-rota: teachers keep their rows, with no phone, classes or duty days yet', () => {
    const teacher = { id: 3, name: '王丽华', role: 'teacher', pin_hash: 'scrypt$x', active: 1, failed_pins: 0, created_at: 1_764_000_000_000 };
    const db = migrateWithData(m0140.version, { teachers: [teacher] });
    expect(getTableData(db, 'teachers')).toEqual([{ ...teacher, locked_until: null, phone: '', classes: '', duty_days: '[]' }]);
    for (const table of ['rota_changes', 'room_calendar', 'duty_notes']) expect(getTableData(db, table)).toEqual([]);
    // A change names a teacher that exists; a calendar range never ends before it starts.
    expect(() => db.prepare("INSERT INTO rota_changes (day, teacher_id, changed_at) VALUES ('2026-12-01', 99, 0)").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO room_calendar (kind, name, from_day, to_day) VALUES ('closed', '寒假', '2027-02-01', '2027-01-01')").run()).toThrow(/CHECK/);
    db.close();
  });
});
