import type { Db } from '../db/open.js';
import type { SummaryFigures } from '../../../shared/domain/summary.js';
import { createSummaryRepo } from './summary.repo.js';

/** What a saved copy shows where a deleted child's name was, in the copy's own language. */
export const DELETED_NAME: Record<string, string> = { 'zh-CN': '（已删除）', en: '(deleted)' };

/** At least two characters: a one-character "name" would also match inside ordinary words of the text. */
const replaceable = (name: string) => [...name].length >= 2;

/**
 * Saved term summaries keep their counts, never a deleted child's name: the child's lines among the top
 * readers and the children without contact keep their numbers with the name replaced, and the name is
 * taken out of the edited paragraph and the title. Runs inside the deletion's transaction.
 */
export function forgetChildInSnapshots(db: Db, childId: number, name: string): number {
  const repo = createSummaryRepo(db);
  let changed = 0;
  for (const s of repo.texts()) {
    const gone = DELETED_NAME[s.language] ?? DELETED_NAME['zh-CN']!;
    const hide = <T extends { childId: number; name: string }>(x: T): T => (x.childId === childId ? { ...x, name: gone } : x);
    const f: SummaryFigures = {
      ...s.figures,
      library: { ...s.figures.library, topReaders: s.figures.library.topReaders.map(hide) },
      contact: { ...s.figures.contact, missed: s.figures.contact.missed.map(hide) },
    };
    const text = (t: string) => (replaceable(name) ? t.replaceAll(name, gone) : t);
    // The title's column holds at most 60 characters.
    const next = { title: [...text(s.title)].slice(0, 60).join(''), figures: f, paragraph: text(s.paragraph) };
    if (next.title === s.title && next.paragraph === s.paragraph && JSON.stringify(f) === JSON.stringify(s.figures)) continue;
    repo.rewrite(s.id, next.title, next.figures, next.paragraph);
    changed++;
  }
  return changed;
}
