import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { expect, login, printToPdf, SEED_ADMIN, shot, test } from './fixtures';
import { pdfPageToPng, pdfPages, pdfText } from '../helpers/pdf';

test.describe.configure({ timeout: 300_000 });

interface Listed {
  id: number;
  name: string;
}

test('an admin exports and prints one child’s whole file for a guardian, both audited', async ({ page, app }) => {
  // A made-up school with a year of visits, calls, loans, events and group birthdays.
  app.seed(6);
  const [child] = app.cli<Listed[]>('children.list', {});
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin);
  await page.goto(`${app.url}#/children/${child!.id}`);
  await expect(page.getByRole('heading', { name: child!.name })).toBeVisible();
  await page.getByRole('button', { name: '导出完整档案' }).click();
  await expect(page.getByRole('dialog')).toContainText('供监护人依法查阅或复制');
  await shot(page, 'child-file-dialog-zh');

  // The .xlsx: one sheet per part, Chinese headers, the child's rows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(download.suggestedFilename()).toBe(`${child!.name}-完整档案-2026-11-28.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  expect(wb.worksheets.map((w) => w.name)).toEqual(['档案', '联系人', '签到记录', '亲情电话', '借阅记录', '活动', '生日']);
  expect(wb.getWorksheet('档案')!.getCell(3, 2).value).toBe(child!.name);
  expect(wb.getWorksheet('签到记录')!.getRow(2).values).toEqual([undefined, '日期', '签到', '签退', '签到方式', '签退方式', '未签退']);
  expect(wb.getWorksheet('签到记录')!.rowCount).toBeGreaterThan(20);

  // The printed file: A4, Chinese, every part under its heading, several sheets for a year of visits.
  await page.getByRole('dialog').getByRole('button', { name: '打印', exact: true }).click();
  await expect(page.getByTestId('file-section').first()).toBeVisible();
  await shot(page, 'child-file-print-zh');
  const pdf = await printToPdf(page, 'child-file');
  const text = pdfText(pdf);
  for (const word of [`${child!.name}的完整档案`, '档案', '联系人', '签到记录', '亲情电话', '借阅记录', '活动', '生日', '本档案含儿童个人信息']) {
    expect(text).toContain(word);
  }
  expect(pdfPages(pdf)).toBeGreaterThan(1);
  pdfPageToPng(pdf, 1, 80);
  pdfPageToPng(pdf, pdfPages(pdf), 80);

  const audit = app.cli<{ action: string; entityId: number | null; teacherName: string | null }[]>('audit.list', { limit: 20 });
  const mine = audit.filter((a) => a.entityId === child!.id).map((a) => a.action);
  expect(mine).toEqual(expect.arrayContaining(['children.exportFile', 'children.printFile']));
});

test('deleting a child says which backups still hold them', async ({ page, app }) => {
  app.seed(3);
  const created = app.cli<Listed & { cardCode: string }>('children.create', {
    name: '欧阳删除',
    birthDate: '2016-05-12',
    grade: 3,
    classNo: 2,
    awayParents: 'both',
    contacts: [{ role: 'guardian', name: '欧阳爷爷', relation: 'grandfatherPaternal', phones: '13700137000', livesWith: true }],
  });
  // A copy of the file as the migrations keep them, and a protected backup the app cannot open (backup names as
  // electron/core/backup/files.ts writes them: the vault lists only those).
  const backups = path.join(app.dataDir, 'backups');
  fs.mkdirSync(backups, { recursive: true });
  const db = new Database(path.join(app.dataDir, 'home.sqlite'));
  db.prepare('VACUUM INTO ?').run(path.join(backups, 'home-20261101-090000-before-migration-v110-from-v100.sqlite'));
  db.close();
  fs.writeFileSync(path.join(backups, 'home-20261102-090000-daily.sqlite.enc'), Buffer.concat([Buffer.from('HDBACKUP'), Buffer.alloc(256, 9)]));

  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin);
  await page.goto(`${app.url}#/children/${created.id}`);
  await page.getByRole('button', { name: '删除档案' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('欧阳删除');
  await page.getByRole('dialog').getByRole('button', { name: '永久删除' }).click();
  const note = page.locator('.mantine-Notification-root');
  await expect(note).toContainText('已从 1 份备份中清除这名儿童');
  await expect(note.getByTestId('backup-unreachable')).toContainText('home-20261102-090000-daily.sqlite.enc（加密的备份）');
  await shot(page, 'child-deleted-backups-zh');
  const cleaned = fs.readFileSync(path.join(backups, 'home-20261101-090000-before-migration-v110-from-v100.sqlite'));
  expect(cleaned.includes(Buffer.from('欧阳删除'))).toBe(false);
});
