import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { CallContext } from '../context.js';
import type { Header } from './headers.js';

const PREVIEW_TTL_MS = 30 * 60 * 1000;

/**
 * Import previews waiting for the teacher's confirmation (rosters, book lists): only the previewed rows are
 * written, only by the session and teacher that made the preview, and only within half an hour.
 */
export function createPreviewStore<R>() {
  const previews = new Map<string, { sessionId: string; teacherId: number | null; at: number; fileName: string; rows: R[] }>();
  return {
    keep(fileName: string, rows: R[], ctx: CallContext): string {
      for (const [id, p] of previews) if (ctx.now - p.at > PREVIEW_TTL_MS) previews.delete(id);
      const importId = randomUUID();
      previews.set(importId, { sessionId: ctx.session.id, teacherId: ctx.session.teacher?.id ?? null, at: ctx.now, fileName, rows });
      return importId;
    },
    /**
     * Writes a preview and forgets it once written (a failed write leaves it to confirm again); another
     * teacher signed in in that window cannot confirm it.
     */
    commit<T>(importId: string, ctx: CallContext, write: (p: { fileName: string; rows: R[] }) => T): T {
      const p = previews.get(importId);
      const mine = p && p.sessionId === ctx.session.id && p.teacherId === (ctx.session.teacher?.id ?? null);
      if (!p || !mine || ctx.now - p.at > PREVIEW_TTL_MS) throw new AppError('import.expired');
      const result = write(p);
      previews.delete(importId);
      return result;
    },
  };
}

/** What a preview says of the file's layout: the sheets read, the header row, the columns used and ignored. */
export function layoutOf<F extends string>(headers: Header<F>[]) {
  const columns = new Map(headers.flatMap((h) => [...h.columns.values()]).map((c) => [c.field, c]));
  return {
    sheet: headers.map((h) => h.sheet.name).join('、'),
    headerRow: headers[0]!.row,
    columns: [...columns.values()],
    ignoredColumns: [...new Set(headers.flatMap((h) => h.ignored))],
  };
}
