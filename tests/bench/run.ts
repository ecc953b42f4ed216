/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../electron/core/app.js';
import { write } from '../../electron/core/db/write.js';
import { startWebHost } from '../../electron/web/server.js';
import { parseArgs } from 'node:util';
import { tempDataDir, SETUP } from '../helpers/core.js';
import { SEED_ADMIN } from '../fixtures/setup.js';
import { measure, printRows, quantiles, type Row } from './rows.js';
import { printBundle, startBench } from './start.js';
import { deskBench, printMemory, type MemoryRow } from './desk.js';
import { RENDERER_OUT } from '../helpers/bundle.js';

/** Memory after the scripted afternoons, printed as its own table. */
const memory: MemoryRow[] = [];
/** `--no-desk`: no desk run in Chromium (section switches, searches, memory): the cold start alone, and the core part without the 10-year desk. */
let skipDesk = false;
/** `--afternoons N`: scripted afternoons before the memory readings (2 by default; more shows whether growth levels off). */
let afternoons = 2;
import { backupBench } from './backup.js';

/**
 * `npm run bench`: timings of the house's hot paths on a real database file with synchronous=FULL, and
 * the desk's cold start in Chromium with the renderer's bundle sizes.
 * Figures go in the closing notes; no test asserts a time (that would flake).
 *
 *   npm run bench                          everything (the core part builds a 10-year database: slow)
 *   npm run bench -- --only start          the cold start, the desk on the demo school (section switches,
 *                                          searches, memory after two scripted afternoons) and the bundle
 *                                          (builds the renderer first)
 *   npm run bench -- --only core           the core's hot paths only (and the desk on the 10-year database)
 *   --no-desk                              without the desk runs in Chromium (the cold start stays)
 *   --runs 11                              cold starts per CPU rate (the median is reported)
 *   --renderer DIR                         measure that built renderer instead of building out/renderer
 *   --afternoons 2                         scripted afternoons before the memory readings (more: does growth level off?)
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
    const away = { father: '父亲外出', mother: '母亲外出', both: '父母均外出', none: '非留守' }[c.awayParents ?? 'none'];
    ws.getRow(i + 2).values = [`${c.name}${i}`, c.gender === 'male' ? '男' : '女', c.birthDate ?? '', c.grade, `${c.classNo}班`, away, g?.name ?? '', '奶奶', String(g?.phones ?? ''), c.address ?? ''];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * On a database with 2,000 children and 10 years of visits: the kiosk's sign-in through the core next to a
 * bare insert of the same row, the day's board, and tap-to-confirmation in Chromium when it is there.
 */
async function visitsBench(rows: Row[]): Promise<void> {
  const { seedDemo } = await import('../../electron/core/demo/demo.js');
  const { seedVisits } = await import('../../electron/core/demo/visits.js');
  const { createChildrenService } = await import('../../electron/core/children/children.service.js');
  const { DEFAULT_HOURS } = await import('../../shared/domain/hours.js');
  const { settableClock } = await import('../../electron/core/clock.js');
  const dir = tempDataDir('home-desk-bench-visits-');
  const now = Date.parse('2026-11-27T16:00:00+08:00');
  const clock = settableClock(now);
  const core = openCore({ dataDir: dir, clock });
  const admin = core.openSession('system');
  await core.call(admin, 'setup.run', { ...SETUP, admin: SEED_ADMIN });
  await seedDemo(core.db, createChildrenService(core.db), { children: 2000, seed: 3, today: '2026-11-27', now });
  const t0 = performance.now();
  const visits = seedVisits(core.db, { years: 10, today: '2026-11-27', hours: DEFAULT_HOURS, seed: 3 });
  console.error(`(seeded ${visits} visits in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const ids = core.db.prepare("SELECT id FROM children WHERE status = 'active' ORDER BY id").pluck().all() as number[];
  const kiosk = core.openSession('kiosk');
  const bare = core.db.prepare("INSERT INTO visits (child_id, day, in_at, in_by) VALUES (?, '2026-11-27', ?, 'kiosk') RETURNING id").pluck();
  const drop = core.db.prepare('DELETE FROM visits WHERE id = ?');
  const bareSamples: number[] = [];
  const coreSamples: number[] = [];
  // Side by side in one run: for each child a bare insert of the visit row (then removed), then the
  // core's sign-in of the same child (access check, input, lookups, insert, commit; synchronous=FULL).
  for (const [i, id] of ids.slice(0, 1000).entries()) {
    let t = performance.now();
    const rowId = write(core.db, () => bare.get(id, now + i));
    bareSamples.push((performance.now() - t) * 1000);
    write(core.db, () => drop.run(rowId));
    t = performance.now();
    const r = await core.call(kiosk, 'kiosk.toggle', { childId: id });
    coreSamples.push((performance.now() - t) * 1000);
    if (!r.ok) throw new Error(r.error.code);
  }
  const q = (xs: number[]) => quantiles(xs);
  rows.push({ what: 'bare insert of a visit row + commit (baseline, same run)', n: bareSamples.length, unit: 'µs', ...q(bareSamples) });
  rows.push({ what: 'core sign-in: kiosk.toggle (lookup + write + commit)', n: coreSamples.length, unit: 'µs', ...q(coreSamples) });
  rows.push({
    what: 'ratio core sign-in / bare insert (p50, p95)',
    n: coreSamples.length,
    unit: '×',
    p50: q(coreSamples).p50 / q(bareSamples).p50,
    p95: q(coreSamples).p95 / q(bareSamples).p95,
  });
  const teacher = core.openSession('system');
  rows.push(
    await measure("attendance.board for today (2,000 children, 10 years of visits)", 200, 'ms', () =>
      core.call(teacher, 'attendance.board', {}),
    ),
  );
  rows.push(
    await measure('attendance.board for a past day', 200, 'ms', (i) =>
      core.call(teacher, 'attendance.board', { day: `2025-11-${String(10 + (i % 15)).padStart(2, '0')}` }),
    ),
  );
  await libraryBench(core, rows);
  await todayBench(core, rows);
  await backupBench(core, rows);
  await tapToConfirmation(core, rows);
  // The desk opens where the core's clock (which runs on from 16:00) left off: opened at 16:00, the kiosk's
  // thousand sign-ins of a minute later were all "later than now", a board no school has.
  const deskNow = new Date(core.clock.now()).toISOString();
  core.close();
  // The desk itself on this database, when a built renderer is there (the cold start part builds it).
  const chromium = (await import('../helpers/chromium.js')).findChromium();
  if (chromium && !skipDesk && fs.existsSync(path.join(RENDERER_OUT, 'index.html'))) {
    const { CHROMIUM_ARGS } = await import('../helpers/chromium.js');
    await deskBench(rows, memory, {
      dataDir: dir,
      label: '10-year database, 2,000 children',
      rendererDir: RENDERER_OUT,
      executablePath: chromium,
      chromiumArgs: CHROMIUM_ARGS,
      now: deskNow,
      afternoons,
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * The reading room (issue 5) on the same database: 5,000 copies and 100,000 past loans; scan-to-lend
 * (the copy's barcode resolved, then lent) and scan-to-return through the core, and the overdue list.
 */
async function libraryBench(core: ReturnType<typeof openCore>, rows: Row[]): Promise<void> {
  const { seedCatalogue, seedLoans } = await import('../../electron/core/demo/library.js');
  const now = core.clock.now();
  const t0 = performance.now();
  const books = seedCatalogue(core.db, { copies: 5300, seed: 3, today: '2026-11-27', now });
  const loans = seedLoans(core.db, { years: 10, today: '2026-11-27', seed: 3, perDay: 56 });
  console.error(`(seeded ${books.titles} titles, ${books.copies} copies, ${loans} loans in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const teacher = core.openSession('system');
  const call = async (name: string, input: unknown) => {
    const r = await core.call(teacher, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value;
  };
  const readers = core.db
    .prepare("SELECT id FROM children c WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.child_id = c.id AND l.returned_at IS NULL) LIMIT 300")
    .pluck()
    .all() as number[];
  const free = core.db
    .prepare("SELECT barcode FROM copies cp WHERE status = 'available' AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.copy_id = cp.id AND l.returned_at IS NULL) LIMIT 300")
    .pluck()
    .all() as string[];
  const lendSamples: number[] = [];
  const returnSamples: number[] = [];
  for (let i = 0; i < Math.min(readers.length, free.length); i++) {
    let t = performance.now();
    await call('library.scan', { code: free[i] });
    await call('library.lend', { childId: readers[i], barcode: free[i] });
    lendSamples.push(performance.now() - t);
  }
  for (let i = 0; i < lendSamples.length; i++) {
    const t = performance.now();
    await call('library.scan', { code: free[i] });
    await call('library.return', { barcode: free[i] });
    returnSamples.push(performance.now() - t);
  }
  rows.push({ what: `scan-to-lend: library.scan + library.lend (${books.copies} copies, ${loans} loans)`, n: lendSamples.length, unit: 'ms', ...quantiles(lendSamples.slice(20)) });
  rows.push({ what: 'scan-to-return: library.scan + library.return', n: returnSamples.length, unit: 'ms', ...quantiles(returnSamples.slice(20)) });
  const open = Number(core.db.prepare("SELECT count(*) FROM loans WHERE returned_at IS NULL AND due_on < '2026-11-27'").pluck().get());
  rows.push(await measure(`library.loans overdue list (${open} overdue)`, 200, 'ms', () => call('library.loans', { status: 'overdue' })));
  rows.push(await measure('library.stats for a term', 50, 'ms', () => call('library.stats', { from: '2025-09-01', to: '2026-01-31' })));
}

/**
 * The Today page (issue 6) on the same database, with 10 years of family calls and group birthdays
 * added, and the 1,000 children the sign-in bench signed in today.
 */
async function todayBench(core: ReturnType<typeof openCore>, rows: Row[]): Promise<void> {
  const { seedCalls, seedBirthdays } = await import('../../electron/core/demo/calls.js');
  const t0 = performance.now();
  const calls = seedCalls(core.db, { years: 10, today: '2026-11-27', seed: 3 });
  const b = seedBirthdays(core.db, { years: 10, today: '2026-11-27', seed: 3, now: core.clock.now() });
  console.error(`(seeded ${calls} calls, ${b.lunar} lunar birthdays, ${b.parties} group birthdays in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const teacher = core.openSession('system');
  const call = async (name: string, input: unknown) => {
    const r = await core.call(teacher, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value;
  };
  rows.push(await measure(`today.overview (2,000 children, 10 years: visits, ${calls} calls, loans)`, 50, 'ms', () => call('today.overview', {})));
  rows.push(await measure('calls.callHome (children in the room today, no parent contact for 30 days)', 50, 'ms', () => call('calls.callHome', {})));
  rows.push(await measure('calls.monthly (the monthly target)', 50, 'ms', () => call('calls.monthly', { month: '2026-11' })));
  rows.push(await measure('birthdays.list for a month (2,000 children, some lunar)', 50, 'ms', () => call('birthdays.list', { from: '2026-12-01', to: '2026-12-31' })));
  const { seedEvents } = await import('../../electron/core/demo/events.js');
  const ev = seedEvents(core.db, { years: 10, today: '2026-11-27', seed: 3, now: core.clock.now() });
  console.error(`(seeded ${ev.events} events, ${ev.signups} sign-ups)`);
  rows.push(await measure('summary.compute for a term (10-year database, every figure)', 20, 'ms', () => call('summary.compute', { from: '2026-02-15', to: '2026-07-10' })));
}

/** Click on 签到 → the confirmation on screen, in Chromium through the web host (skipped without a build or Chromium). */
async function tapToConfirmation(core: ReturnType<typeof openCore>, rows: Row[]): Promise<void> {
  const { findChromium, CHROMIUM_ARGS } = await import('../helpers/chromium.js');
  const rendererDir = path.resolve(__dirname, '../../out/renderer');
  const executablePath = findChromium();
  if (!executablePath || !fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('(tap-to-confirmation skipped: run `npm run build` and install Chromium)');
    return;
  }
  const { chromium } = await import('@playwright/test');
  const host = await startWebHost({ core, rendererDir });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(host.url);
  await page.getByRole('option', { name: new RegExp(SEED_ADMIN.name) }).click();
  await page.getByLabel(/PIN/).fill(SEED_ADMIN.pin);
  await page.getByRole('button', { name: '解锁' }).click();
  await page.getByRole('button', { name: '儿童签到模式' }).click();
  await page.getByRole('button', { name: '进入', exact: true }).click();
  await page.getByText('请点你的年级').waitFor();
  const codes = core.db
    .prepare("SELECT card_code FROM children WHERE status = 'active' AND id NOT IN (SELECT child_id FROM visits WHERE out_at IS NULL) LIMIT 60")
    .pluck()
    .all() as string[];
  const samples: number[] = [];
  for (const code of codes) {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    const button = page.getByRole('button', { name: '签到', exact: true });
    await button.waitFor();
    // Measured in the page: from the click to the confirmation being in the DOM.
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          // globalThis: the page's own clock (a bare `performance` here would be the bench's import).
          const start = globalThis.performance.now();
          const seen = new MutationObserver(() => {
            if (document.querySelector('[data-testid="kiosk-done"]')) {
              seen.disconnect();
              resolve(globalThis.performance.now() - start);
            }
          });
          seen.observe(document.body, { childList: true, subtree: true });
          const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === '签到');
          b?.click();
        }),
    );
    samples.push(ms);
    await page.getByRole('button', { name: '回到开始' }).click();
    await page.getByText('请点你的年级').waitFor();
  }
  rows.push({ what: 'kiosk tap-to-confirmation in Chromium (web host)', n: samples.length, unit: 'ms', ...quantiles(samples.slice(5)) });

  // The term summary as a PDF: from opening its print page to the PDF written (issue 8: under 3 s).
  const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await desk.goto(host.url);
  await desk.getByRole('option', { name: new RegExp(SEED_ADMIN.name) }).click();
  await desk.getByLabel(/PIN/).fill(SEED_ADMIN.pin);
  await desk.getByRole('button', { name: '解锁' }).click();
  await desk.getByTestId('current-teacher').waitFor();
  const pdfSamples: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    await desk.goto(`${host.url}#/print/summary?from=2026-09-01&to=2026-11-27&i=${i}`);
    await desk.locator('[data-print-ready="yes"]').waitFor();
    await desk.locator('.recharts-surface').first().waitFor();
    await desk.emulateMedia({ media: 'print' });
    await desk.pdf({ preferCSSPageSize: true, printBackground: true });
    await desk.emulateMedia({ media: 'screen' });
    pdfSamples.push(performance.now() - t0);
  }
  rows.push({ what: 'term summary PDF ready in Chromium (open the print page → PDF written)', n: pdfSamples.length, unit: 'ms', ...quantiles(pdfSamples.slice(1)) });
  await browser.close();
  await host.close();
}

async function coreBench(rows: Row[]): Promise<void> {
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

  const rawDb = core.db;
  const bare = rawDb.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  rows.push(await measure('bare better-sqlite3 read (baseline)', 20_000, 'µs', () => bare.get('schoolName')));
  rows.push(await measure('core call: session.get (access + zod + handler)', 20_000, 'µs', () => call('session.get')));
  rows.push(await measure('core call: settings.get', 20_000, 'µs', () => call('settings.get')));
  const insert = rawDb.prepare('INSERT INTO audit (at, teacher_id, action, entity) VALUES (?, NULL, ?, ?)');
  // Through write(): the core's connection refuses a write outside it (guardWrites), so this is the floor of any write.
  rows.push(await measure('one insert in write() + commit, synchronous=FULL (baseline)', 2_000, 'µs', (i) => write(rawDb, () => insert.run(i, 'bench', 'bench'))));
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
  // A keystroke asks the core as the pickers do (the call log's, the sign-up's, a mentor's child): the first 20.
  // The children page loads its class or category once and searches it in the page (measured in the desk part).
  rows.push(
    await measure('children.list search-as-you-type, 2,000 children (one keystroke, the 20 a picker shows)', 2_000, 'ms', (i) =>
      call('children.list', { q: queries[i % queries.length], limit: 20 }),
    ),
  );
  rows.push(
    await measure('children.list the whole school, as the children page loads it (2,000 rows)', 100, 'ms', () =>
      call('children.list', { q: '', limit: 5000 }),
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

  // Visits (issue 4): 10 years of visits for 2,000 children.
  await visitsBench(rows);

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
}

async function main(): Promise<void> {
  // Measured as the packaged app runs: without the development check of every answer against its schema.
  process.env.NODE_ENV = 'production';
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      runs: { type: 'string', default: '11' },
      renderer: { type: 'string' },
      'no-desk': { type: 'boolean', default: false },
      afternoons: { type: 'string', default: '2' },
    },
  });
  const only = values.only;
  skipDesk = values['no-desk'];
  if (only !== undefined && only !== 'start' && only !== 'core') throw new Error('--only: start or core');
  afternoons = Number(values.afternoons);
  if (!Number.isInteger(afternoons) || afternoons < 2 || afternoons > 20) throw new Error('--afternoons: a whole number from 2 to 20');
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 200) throw new Error('--runs: a whole number from 1 to 200');
  const rows: Row[] = [];
  // The cold start first: it builds out/renderer, which the core part's Chromium timings then use.
  const bundle = only === 'core' ? null : await startBench(rows, memory, { runs, desk: !skipDesk, afternoons, rendererDir: values.renderer && path.resolve(values.renderer) });
  if (only !== 'start') await coreBench(rows);

  console.log(`\nChildren's Home Desk — bench (${new Date().toISOString()}, Node ${process.version}, ${process.platform})\n`);
  printRows(rows);
  printMemory(memory);
  if (bundle) printBundle(bundle);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
