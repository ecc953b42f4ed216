import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openCore } from '../../electron/core/app.js';
import type { Child } from '../../shared/domain/child.js';
import { ZHANG } from '../fixtures/children.js';
import { tempDataDir } from '../helpers/core.js';
import { bundleWriter, check, confirmedOf, life, prepare, type Confirmed } from './harness.js';

describe('a second process writing', () => {
  it('the app’s edits all answer ok while another process writes the same file, and all are there', { timeout: 300_000 }, async () => {
    const work = tempDataDir('home-desk-second-');
    const dataDir = path.join(work, 'data');
    try {
      const writer = await bundleWriter(work);
      await prepare(dataDir, 20);
      // The other process (the command line, a second app) writes calls, kiosk taps and record edits non-stop.
      let kill = () => {};
      let started = () => {};
      const ready = new Promise<void>((resolve) => (started = resolve));
      const other = life(writer, dataDir, 1_000_000, 7, {
        onReady: (k) => {
          kill = k;
          started();
        },
      });
      await ready;
      const core = openCore({ dataDir });
      const s = core.openSession('system');
      const confirmed = new Map<string, Confirmed>();
      const codes: string[] = [];
      const call = async <T,>(name: string, input: unknown): Promise<T | undefined> => {
        const r = await core.call(s, name, input);
        codes.push(r.ok ? 'ok' : r.error.code);
        return r.ok ? (r.value as T) : undefined;
      };
      // A child only this process edits, so each edit's value can be checked; the tables are the same.
      const mine = (await call<Child>('children.create', { ...ZHANG, name: '王小明' }))!;
      for (let i = 0; i < 25; i++) {
        const updated = await call<Child>('children.update', { id: mine.id, child: { ...ZHANG, name: '王小明', address: `河东村 ${i}` } });
        if (updated) confirmed.set('mine', { key: 'mine', sql: 'SELECT count(*) FROM children WHERE id = ? AND address = ?', args: [mine.id, `河东村 ${i}`], min: 1 });
        // The record as the edit left it (an edit may give the contacts new ids).
        const now = await call<Child>('children.get', { id: mine.id });
        const father = now?.contacts.find((c) => c.role === 'father');
        const logged = await call<{ id: number }>('calls.log', { childId: mine.id, contactId: father!.id, kind: 'voice', direction: 'in', seconds: 60 });
        if (logged) confirmed.set(`call:${logged.id}`, { key: `call:${logged.id}`, sql: 'SELECT count(*) FROM calls WHERE id = ?', args: [logged.id], min: 1 });
        // Let the other process in between.
        await new Promise((r) => setTimeout(r, 5));
      }
      core.close();
      kill();
      const errors: string[] = [];
      const theirs = confirmedOf((await other).lines, confirmed, errors);
      expect([...new Set(codes)]).toEqual(['ok']);
      expect(errors).toEqual([]);
      expect(theirs).toBeGreaterThan(0);
      expect(check(path.join(dataDir, DB_FILE), confirmed)).toEqual({ lost: [], ok: true });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
