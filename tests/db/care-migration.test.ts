import { describe, expect, it } from 'vitest';
import { m0120 } from '../../electron/core/db/migrations/0120-create-care.js';
import { getTableData, migrateWithData } from './helpers.js';

const TEACHER = { id: 3, name: '王丽华', role: 'teacher', pin_hash: 'x', created_at: 1_756_000_000_000 };
const CHILD = { id: 7, name: '张三丽', grade: 3, class_no: 2, away_parents: 'both', card_code: 'C0007', search_full: 'zhangsanli', search_initials: 'zsl', updated_at: 1_764_000_000_000 };

describe('0120 create-care (the version before, insert, migrate, read)', () => {
  it("each active child's mentor teacher becomes the first pairing, from the day the record was made; a child who left gets none", () => {
    const db = migrateWithData(m0120.version, {
      teachers: [TEACHER],
      children: [
        // 2026-09-01 10:00 in Asia/Shanghai.
        { ...CHILD, mentor_id: 3, created_at: Date.parse('2026-09-01T10:00:00+08:00') },
        { ...CHILD, id: 8, card_code: 'C0008', mentor_id: null, created_at: 1_764_000_000_000 },
        { ...CHILD, id: 9, card_code: 'C0009', mentor_id: 3, status: 'left', left_date: '2026-10-01', created_at: 1_764_000_000_000 },
      ],
    });
    expect(getTableData(db, 'pairings')).toEqual([
      { id: 1, child_id: 7, role: 'teacher', teacher_id: 3, person_id: null, peer_id: null, from_day: '2026-09-01', to_day: null, end_reason: '', created_at: Date.parse('2026-09-01T10:00:00+08:00') },
    ]);
    expect(getTableData(db, 'children')).toHaveLength(3);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
