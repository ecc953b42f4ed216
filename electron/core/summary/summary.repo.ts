import type { Db } from '../db/open.js';
import type { SummaryFigures, SummarySnapshot } from '../../../shared/domain/summary.js';

type SnapshotHead = Omit<SummarySnapshot, 'figures' | 'paragraph'>;
type RawSnapshot = SnapshotHead & { figures: string; paragraph: string };

/** Saved summaries: the figures as computed that day, with the edited paragraph, never recomputed. */
export function createSummaryRepo(db: Db) {
  const insert = db
    .prepare<[string, string, string, string, string, string, number | null, number], number>(`
    INSERT INTO summary_snapshots (title, from_day, to_day, language, figures, paragraph, teacher_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
    .pluck();
  const COLS = `s.id, s.title, s.from_day AS "from", s.to_day AS "to", s.language, s.created_at AS createdAt, t.name AS teacherName`;
  const list = db.prepare<[], SnapshotHead>(`SELECT ${COLS} FROM summary_snapshots s LEFT JOIN teachers t ON t.id = s.teacher_id ORDER BY s.created_at DESC, s.id DESC`);
  const one = db.prepare<[number], RawSnapshot>(
    `SELECT ${COLS}, s.figures, s.paragraph FROM summary_snapshots s LEFT JOIN teachers t ON t.id = s.teacher_id WHERE s.id = ?`,
  );
  const texts = db.prepare<[], { id: number; title: string; language: string; figures: string; paragraph: string }>(
    'SELECT id, title, language, figures, paragraph FROM summary_snapshots',
  );
  const rewrite = db.prepare<[title: string, figures: string, paragraph: string, id: number]>(
    'UPDATE summary_snapshots SET title = ?, figures = ?, paragraph = ? WHERE id = ?',
  );

  return {
    /** Every saved copy's words and figures, for taking a deleted child's name out of them. */
    texts: () => texts.all().map((r) => ({ ...r, figures: JSON.parse(r.figures) as SummaryFigures })),
    /** A saved copy's words and figures after a child was deleted: the only change a saved copy ever gets. */
    rewrite: (id: number, title: string, figures: SummaryFigures, paragraph: string) =>
      rewrite.run(title, JSON.stringify(figures), paragraph, id).changes,
    insert: (s: { title: string; from: string; to: string; language: string; figures: SummaryFigures; paragraph: string; teacherId: number | null; now: number }) =>
      insert.get(s.title, s.from, s.to, s.language, JSON.stringify(s.figures), s.paragraph, s.teacherId, s.now)!,
    list: () => list.all(),
    one: (id: number): SummarySnapshot | undefined => {
      const r = one.get(id);
      return r ? { ...r, figures: JSON.parse(r.figures) as SummaryFigures } : undefined;
    },
  };
}

export type SummaryRepo = ReturnType<typeof createSummaryRepo>;
