import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.js';
import { tempDataDir } from '../../../tests/helpers/core.js';

describe('openDatabase', () => {
  it('opens a file in WAL with synchronous=FULL, foreign keys and a busy timeout', () => {
    const dir = tempDataDir();
    const db = openDatabase(path.join(dir, 'x.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
    // Reopening an existing WAL file is where the build's default would drop to NORMAL.
    const again = openDatabase(path.join(dir, 'x.sqlite'));
    expect(again.pragma('synchronous', { simple: true })).toBe(2);
    again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
