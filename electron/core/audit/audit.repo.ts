import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { AuditEntry } from '../../../shared/domain/types.js';

export interface AuditRecord {
  at: number;
  teacherId: number | null;
  action: string;
  entity: string;
  entityId?: number | null;
  detail?: unknown;
}

function buildAuditRepo(db: Db) {
  const insert = db.prepare<[at: number, teacherId: number | null, action: string, entity: string, entityId: number | null, detail: string | null]>(
    'INSERT INTO audit (at, teacher_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const recent = db.prepare<[limit: number], AuditEntry>(`
    SELECT a.id, a.at, a.teacher_id AS teacherId, t.name AS teacherName, a.action, a.entity,
           a.entity_id AS entityId, a.detail,
           -- The children a row names by id, as names (rows keep ids only: a deleted child leaves no name behind).
           CASE WHEN a.detail LIKE '%"childId%' THEN coalesce(
             (SELECT c.name FROM children c WHERE c.id = json_extract(a.detail, '$.childId')),
             (SELECT group_concat(c.name, '、') FROM json_each(a.detail, '$.childIds') j JOIN children c ON c.id = j.value)
           ) END AS childNames
    FROM audit a LEFT JOIN teachers t ON t.id = a.teacher_id
    ORDER BY a.id DESC LIMIT ?`);

  return {
    write(r: AuditRecord): void {
      insert.run(
        r.at,
        r.teacherId,
        r.action,
        r.entity,
        r.entityId ?? null,
        r.detail === undefined ? null : JSON.stringify(r.detail),
      );
    },
    recent(limit: number): AuditEntry[] {
      return recent.all(limit);
    },
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createAuditRepo = oncePerDb(buildAuditRepo);
export type AuditRepo = ReturnType<typeof buildAuditRepo>;
