import type { Db } from '../db/open.js';
import { oncePerDb } from '../db/per-db.js';
import type { AttentionNote, AttentionReason, NoteKind, Plan } from '../../../shared/domain/care.js';

export interface AttentionRow {
  id: number;
  childId: number;
  childName: string;
  grade: number;
  classNo: number;
  fromDay: string;
  toDay: string | null;
  reasons: AttentionReason[];
  detail: string;
  writtenBy: number | null;
  writerName: string | null;
  /** The current plan's review day if it has not been reviewed. */
  reviewOn: string | null;
}
type RawAttention = Omit<AttentionRow, 'reasons'> & { reasons: string };

const ATTENTION = `a.id, a.child_id AS childId, c.name AS childName, c.grade, c.class_no AS classNo, a.from_day AS fromDay,
  a.to_day AS toDay, a.reasons, a.detail, a.written_by AS writtenBy, t.name AS writerName,
  (SELECT p.review_on FROM attention_plans p WHERE p.attention_id = a.id AND p.reviewed_on IS NULL ORDER BY p.id DESC LIMIT 1) AS reviewOn`;
const ATTENTION_FROM = 'attention a JOIN children c ON c.id = a.child_id LEFT JOIN teachers t ON t.id = a.written_by';

/**
 * 重点关注, its plans and its notes. The notes are the most sensitive text of the app: this repo reads
 * them, and only care/attention.service.ts calls it, after its access check.
 */
function buildAttentionRepo(db: Db) {
  const insert = db
    .prepare<{ childId: number; reasons: string; detail: string; fromDay: string; writtenBy: number | null; now: number }, number>(`
    INSERT INTO attention (child_id, reasons, detail, from_day, written_by, created_at)
    VALUES (@childId, @reasons, @detail, @fromDay, @writtenBy, @now) RETURNING id`)
    .pluck();
  const end = db.prepare<[toDay: string, id: number]>('UPDATE attention SET to_day = ? WHERE id = ?');
  const one = db.prepare<[id: number], RawAttention>(`SELECT ${ATTENTION} FROM ${ATTENTION_FROM} WHERE a.id = ?`);
  const openOf = db.prepare<[childId: number], number>('SELECT id FROM attention WHERE child_id = ? AND to_day IS NULL').pluck();
  const open = db.prepare<[], RawAttention>(`SELECT ${ATTENTION} FROM ${ATTENTION_FROM} WHERE a.to_day IS NULL AND c.status = 'active' ORDER BY c.grade, c.class_no, c.search_full`);
  const noteWriters = db.prepare<[attentionId: number], number>('SELECT DISTINCT written_by FROM attention_notes WHERE attention_id = ? AND written_by IS NOT NULL').pluck();

  const insertPlan = db
    .prepare<{ attentionId: number; goals: string; measures: string; people: string; reviewOn: string; writtenBy: number | null; now: number }, number>(`
    INSERT INTO attention_plans (attention_id, goals, measures, people, review_on, written_by, created_at)
    VALUES (@attentionId, @goals, @measures, @people, @reviewOn, @writtenBy, @now) RETURNING id`)
    .pluck();
  const plan = db.prepare<[id: number], { id: number; attentionId: number; reviewedOn: string | null }>(
    'SELECT id, attention_id AS attentionId, reviewed_on AS reviewedOn FROM attention_plans WHERE id = ?',
  );
  const review = db.prepare<[day: string, note: string, id: number]>('UPDATE attention_plans SET reviewed_on = ?, review_note = ? WHERE id = ?');
  const plans = db.prepare<[attentionId: number], Plan & { writtenBy: number | null }>(`
    SELECT p.id, p.goals, p.measures, p.people, p.review_on AS reviewOn, p.reviewed_on AS reviewedOn, p.review_note AS reviewNote,
      t.name AS writerName, p.written_by AS writtenBy
    FROM attention_plans p LEFT JOIN teachers t ON t.id = p.written_by WHERE p.attention_id = ? ORDER BY p.id DESC`);
  const insertNote = db
    .prepare<{ attentionId: number; kind: NoteKind; day: string; body: string; writtenBy: number | null; now: number }, number>(`
    INSERT INTO attention_notes (attention_id, kind, day, body, written_by, created_at)
    VALUES (@attentionId, @kind, @day, @body, @writtenBy, @now) RETURNING id`)
    .pluck();
  const notes = db.prepare<[attentionId: number], AttentionNote & { writtenBy: number | null }>(`
    SELECT n.id, n.kind, n.day, n.body, t.name AS writerName, n.written_by AS writtenBy
    FROM attention_notes n LEFT JOIN teachers t ON t.id = n.written_by WHERE n.attention_id = ? ORDER BY n.day DESC, n.id DESC`);

  const toRow = (r: RawAttention): AttentionRow => ({ ...r, reasons: JSON.parse(r.reasons) as AttentionReason[] });
  return {
    insert: (r: { childId: number; reasons: readonly AttentionReason[]; detail: string; fromDay: string; writtenBy: number | null; now: number }) =>
      Number(insert.get({ ...r, reasons: JSON.stringify(r.reasons) })),
    end: (id: number, toDay: string) => end.run(toDay, id).changes,
    one: (id: number) => {
      const r = one.get(id);
      return r ? toRow(r) : undefined;
    },
    openOf: (childId: number) => openOf.get(childId),
    open: () => open.all().map(toRow),
    noteWriters: (attentionId: number) => noteWriters.all(attentionId),
    insertPlan: (r: Parameters<typeof insertPlan.get>[0]) => Number(insertPlan.get(r)),
    plan: (id: number) => plan.get(id),
    review: (id: number, day: string, note: string) => review.run(day, note, id).changes,
    plans: (attentionId: number) => plans.all(attentionId),
    insertNote: (r: Parameters<typeof insertNote.get>[0]) => Number(insertNote.get(r)),
    notes: (attentionId: number) => notes.all(attentionId),
  };
}

/** Shared by every service on the same database (see oncePerDb). */
export const createAttentionRepo = oncePerDb(buildAttentionRepo);
export type AttentionRepo = ReturnType<typeof buildAttentionRepo>;
