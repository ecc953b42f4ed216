import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../electron/core/app.js';
import { startWebHost } from '../../electron/web/server.js';
import { tempDataDir, SETUP } from '../helpers/core.js';

/**
 * `npm run bench`: timings of the house's hot paths on a real database file with synchronous=FULL.
 * Figures go in the closing notes; no test asserts a time (that would flake).
 */

/** A plain 300-row roster in the template's columns, made from the demo generator. */
async function buildRoster(count: number): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const { demoChild, rng } = await import('../../electron/core/demo/demo.js');
  const r = rng(42);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.getRow(1).values = ['姓名', '性别', '出生日期', '年级', '班级', '留守类型', '监护人', '与监护人关系', '监护人电话', '家庭住址'];
  for (let i = 0; i < count; i++) {
    const c = demoChild(r, '2026-11-28', []);
    const g = c.contacts?.find((x) => x.role === 'guardian') ?? c.contacts?.[0];
    const away = { father: '父亲外出', mother: '母亲外出', both: '父母均外出', none: '非留守' }[c.awayParents];
    ws.getRow(i + 2).values = [`${c.name}${i}`, c.gender === 'male' ? '男' : '女', c.birthDate ?? '', c.grade, `${c.classNo}班`, away, g?.name ?? '', '奶奶', String(g?.phones ?? ''), c.address ?? ''];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Row {
  what: string;
  n: number;
  p50: number;
  p95: number;
  unit: 'µs' | 'ms';
}

function quantiles(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.floor(s.length * 0.95)]! };
}

async function measure(what: string, n: number, unit: Row['unit'], fn: (i: number) => unknown): Promise<Row> {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push((performance.now() - t0) * (unit === 'µs' ? 1000 : 1));
  }
  return { what, n, unit, ...quantiles(samples) };
}

async function main(): Promise<void> {
  const dataDir = tempDataDir('home-desk-bench-');
  const core = openCore({ dataDir });
  const desk = core.openSession('desk');
  const call = async (name: string, input: unknown = {}, session = desk) => {
    const r = await core.call(session, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value;
  };
  await call('setup.run', SETUP);
  const [admin] = (await call('auth.lockList')) as { id: number }[];
  await call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin });

  const rows: Row[] = [];
  const rawDb = core.db;
  const bare = rawDb.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  rows.push(await measure('bare better-sqlite3 read (baseline)', 20_000, 'µs', () => bare.get('schoolName')));
  rows.push(await measure('core call: session.get (access + zod + handler)', 20_000, 'µs', () => call('session.get')));
  rows.push(await measure('core call: settings.get', 20_000, 'µs', () => call('settings.get')));
  const insert = rawDb.prepare('INSERT INTO audit (at, teacher_id, action, entity) VALUES (?, NULL, ?, ?)');
  rows.push(await measure('bare insert + commit, synchronous=FULL (baseline)', 2_000, 'µs', (i) => insert.run(i, 'bench', 'bench')));
  rows.push(
    await measure('core call: settings.update (write + audit + commit)', 2_000, 'µs', (i) =>
      call('settings.update', { schoolName: SETUP.schoolName, roomName: SETUP.roomName, language: 'zh-CN', idleLockMinutes: 10 + (i % 2) }),
    ),
  );
  rows.push(
    await measure('core call: auth.login (scrypt N=2^14)', 50, 'ms', () =>
      call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin }),
    ),
  );

  // Child records (issue 3): search over 2,000 children, and a 300-row roster import.
  const { seedDemo } = await import('../../electron/core/demo/demo.js');
  const { createChildrenService } = await import('../../electron/core/children/children.service.js');
  await seedDemo(core.db, createChildrenService(core.db), { children: 2000, seed: 7, today: '2026-11-28', now: Date.now() });
  const queries = ['z', 'zh', 'zha', 'zhang', 'zs', 'wang', 'w', 'l', 'li', 'chen', '张', '王', 'ouyang', 'x'];
  rows.push(
    await measure('children.list search-as-you-type, 2,000 children (one keystroke)', 2_000, 'ms', (i) =>
      call('children.list', { q: queries[i % queries.length] }),
    ),
  );
  const roster = await buildRoster(300);
  let n = 0;
  rows.push(
    await measure('roster import of 300 rows: preview + confirm (one transaction)', 10, 'ms', async () => {
      // A fresh school each time, so every row is new and written.
      const dir = tempDataDir('home-desk-bench-import-');
      const fresh = openCore({ dataDir: dir });
      const s = fresh.openSession('system');
      await fresh.call(s, 'setup.run', { ...SETUP, admin: { name: `管理员${n++}`, pin: '2468' } });
      const p = await fresh.call(s, 'children.importPreview', { fileName: 'r.xlsx', data: roster.toString('base64') });
      if (!p.ok) throw new Error(p.error.code);
      const r = await fresh.call(s, 'children.importCommit', { importId: (p.value as { importId: string }).importId });
      if (!r.ok || (r.value as { created: number }).created !== 300) throw new Error('import did not create 300 rows');
      fresh.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }),
  );

  const rendererDir = tempDataDir('home-desk-bench-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  const host = await startWebHost({ core, rendererDir });
  const web = core.openSession('desk');
  const headers = { 'Content-Type': 'application/json', 'X-Api-Token': host.token, 'X-Session': web };
  rows.push(
    await measure('web host round trip: POST /api/app.info', 1_000, 'ms', async () => {
      const res = await fetch(`${host.url}api/app.info`, { method: 'POST', headers, body: '{}' });
      await res.json();
    }),
  );
  await host.close();
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });

  console.log(`\nChildren's Home Desk — bench (${new Date().toISOString()}, Node ${process.version}, ${process.platform})\n`);
  console.log('| what | n | p50 | p95 |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.what} | ${r.n} | ${r.p50.toFixed(r.unit === 'µs' ? 1 : 2)} ${r.unit} | ${r.p95.toFixed(r.unit === 'µs' ? 1 : 2)} ${r.unit} |`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
