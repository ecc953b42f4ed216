import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors.js';

/**
 * Checks of a whole file (`quick_check` at start, `integrity_check` of a backup's copy) take seconds on a
 * 10-year database, so they run in a worker thread on a connection of their own and the desk keeps answering.
 * The worker is plain CommonJS given as source (no build step can lose it); its SQL is the same as
 * backup.repo.ts's, written out here because the worker cannot load TypeScript.
 */
const SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Database = require(w.module);
let db;
try {
  db = new Database(w.file, Object.assign({ readonly: !w.rollback, fileMustExist: true }, w.nativeBinding ? { nativeBinding: w.nativeBinding } : {}));
  if (w.rollback) db.pragma('journal_mode = DELETE');
  const rows = db.prepare('PRAGMA ' + w.kind + '(20)').pluck().all();
  const verdict = rows.length === 1 && rows[0] === 'ok' ? 'ok' : rows.join('; ');
  let tables = null;
  if (w.counts && verdict === 'ok') {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    tables = {};
    if (names.length > 0) {
      const q = (s, c) => c + s.split(c).join(c + c) + c;
      const sql = names.map((t) => 'SELECT ' + q(t, "'") + ' AS t, count(*) AS n FROM ' + q(t, '"')).join(' UNION ALL ');
      for (const r of db.prepare(sql).all()) tables[r.t] = r.n;
    }
  }
  const userVersion = Number(db.pragma('user_version', { simple: true }));
  parentPort.postMessage({ ok: true, verdict, tables, userVersion });
} catch (e) {
  parentPort.postMessage({ ok: false, code: String((e && e.code) || 'unknown'), message: String(e && e.message) });
} finally {
  if (db && db.open) db.close();
}
`;

export interface FileCheck {
  /** 'ok', or what SQLite found. */
  verdict: string;
  /** Rows per table (when asked for and the file is whole). */
  tables: Record<string, number> | null;
  userVersion: number;
}

type Reply = ({ ok: true } & FileCheck) | { ok: false; code: string; message: string };

export interface CheckOptions {
  kind: 'quick_check' | 'integrity_check';
  /** Also count every table's rows. */
  counts?: boolean;
  /** The file is a copy of ours: switch it to a rollback journal (one self-contained file) first. */
  rollback?: boolean;
  nativeBinding?: string;
}

/** Runs the check in a worker thread. A file SQLite cannot read at all answers a verdict naming its error. */
export function checkInWorker(file: string, o: CheckOptions): Promise<FileCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, {
      eval: true,
      workerData: { file, kind: o.kind, counts: o.counts ?? false, rollback: o.rollback ?? false, nativeBinding: o.nativeBinding, module: require.resolve('better-sqlite3') },
    });
    let done = false;
    worker.once('message', (r: Reply) => {
      done = true;
      if (r.ok) resolve({ verdict: r.verdict, tables: r.tables, userVersion: r.userVersion });
      else if (/^SQLITE_(CORRUPT|NOTADB)/.test(r.code)) resolve({ verdict: r.code, tables: null, userVersion: 0 });
      else reject(Object.assign(new Error(r.message), { code: r.code }));
    });
    worker.once('error', (err) => {
      if (!done) reject(err);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new AppError('backup.failed', { reason: `worker exit ${code}` }));
    });
  });
}
