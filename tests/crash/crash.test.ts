import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openCore } from '../../electron/core/app.js';
import { SETUP, tempDataDir } from '../helpers/core.js';
import { check, runCrash, type Confirmed } from './harness.js';

describe('crash harness', () => {
  it('a writer killed with SIGKILL at random moments, 50 times: every confirmed write is in the file, integrity_check ok', { timeout: 600_000 }, async () => {
    const r = await runCrash({ cycles: 50, maxLifeMs: 500 });
    console.log(`crash harness: ${r.cycles} cycles, ${r.confirmed} confirmed writes, ${r.lost.length} lost, ${r.damaged} damaged, ${r.killedEarly} killed while starting, ${(r.ms / 1000).toFixed(1)} s`);
    expect(r.lost).toEqual([]);
    expect(r.damaged).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.cycles).toBe(50);
    // The kills must land among writes, not only before them.
    expect(r.confirmed).toBeGreaterThan(50);
  });

  it('its check finds a confirmed write that is not in the file', async () => {
    const dir = tempDataDir('home-desk-crash-check-');
    try {
      const core = openCore({ dataDir: dir });
      expect((await core.call(core.openSession('system'), 'setup.run', SETUP)).ok).toBe(true);
      core.close();
      const file = path.join(dir, DB_FILE);
      const there: Confirmed = { key: 'settings', sql: "SELECT count(*) FROM settings WHERE key = 'schoolName' AND value = ?", args: [SETUP.schoolName], min: 1 };
      const missing: Confirmed = { key: 'call:999', sql: 'SELECT count(*) FROM calls WHERE id = ?', args: [999], min: 1 };
      const r = check(file, new Map([[there.key, there], [missing.key, missing]]));
      expect(r.ok).toBe(true);
      expect(r.lost).toHaveLength(1);
      expect(r.lost[0]).toContain('call:999');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
