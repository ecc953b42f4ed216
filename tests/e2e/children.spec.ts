import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, login, printToPdf, SETUP, shot, test } from './fixtures';
import { messyRoster } from '../fixtures/rosters';
import { pdfPageToPng, pdfPages, pdfText, readQr } from '../helpers/pdf';
import ExcelJS from 'exceljs';

test.describe.configure({ timeout: 240_000 });

test('import a messy roster → preview → confirm → search → open → edit → print contact cards', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  const rosterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), '2026秋季花名册.xlsx');
  fs.writeFileSync(rosterFile, await messyRoster());

  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '儿童档案', exact: true }).click();
  await expect(page.getByText('还没有儿童档案。可以新建')).toBeVisible();
  await page.getByRole('button', { name: '导入花名册' }).click();
  await page.locator('input[type=file]').setInputFiles(rosterFile);

  // The preview: right counts, each problem on its row with a translated reason, nothing saved yet.
  await expect(page.getByTestId('import-counts')).toHaveText('新建 9 名 · 已存在 0 名 · 有错误 3 行 · 有提醒 2 行');
  const row = (n: number) => page.locator(`[data-testid="import-preview"] tr[data-row="${n}"]`);
  await expect(row(11)).toContainText('出生日期：请输入有效的日期（年-月-日）');
  await expect(row(12)).toContainText('出生日期：出生日期不能晚于今天');
  await expect(row(13)).toContainText('监护人电话：“8512345678”像是丢了开头 0 的座机号码');
  await expect(row(15)).toContainText('家庭住址：单元格是错误值（#N/A），按空白处理');
  await expect(row(16)).toContainText('今年 4 岁，请确认');
  await expect(row(7)).toContainText('阿依古丽·买买提');
  await expect(page.getByText('隐藏行 1、合计行 1')).toBeVisible();
  await shot(page, 'children-import-preview-zh');
  expect(app.cli<unknown[]>('children.list', {})).toEqual([]);

  await page.getByRole('button', { name: '导入 9 名儿童' }).click();
  await expect(page.getByRole('status')).toContainText('已导入 9 名儿童');
  await shot(page, 'children-import-done-zh');

  // The same file again: nothing new, and it says so.
  await page.locator('input[type=file]').setInputFiles(rosterFile);
  await expect(page.getByTestId('import-counts')).toHaveText('新建 0 名 · 已存在 9 名 · 有错误 3 行 · 有提醒 0 行');
  await page.getByRole('button', { name: '导入 0 名儿童' }).click();
  await expect(page.getByRole('status')).toContainText('没有新的儿童：文件中的 9 名儿童都已存在');

  // Search by initials, open the child.
  await page.getByRole('link', { name: '儿童档案', exact: true }).click();
  await page.getByPlaceholder('搜索姓名、拼音或首字母（如 zsl）').fill('zsl');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr')).toContainText('张三丽');
  await shot(page, 'children-search-zh');
  await page.getByPlaceholder('搜索姓名、拼音或首字母（如 zsl）').fill('zw');
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.locator('tbody tr').first()).toContainText('同名');
  await page.getByPlaceholder('搜索姓名、拼音或首字母（如 zsl）').fill('zsl');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.locator('tbody tr').first().click();
  await expect(page.getByRole('heading', { name: '张三丽' })).toBeVisible();
  await expect(page.getByText('13700137000')).toBeVisible();
  await shot(page, 'child-page-zh');

  // Edit: a bad phone is refused on its field; a good edit is saved.
  await page.getByRole('button', { name: '编辑' }).click();
  const guardianPhone = page.getByLabel('电话（多个用 / 隔开）').nth(2);
  await guardianPhone.fill('8512345678');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('“8512345678”像是丢了开头 0 的座机号码')).toBeVisible();
  await shot(page, 'child-form-error-zh');
  await guardianPhone.fill('137 0013 7000 / 0851-2345678');
  await page.getByLabel('家庭住址').fill('青山镇河西村5组');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('青山镇河西村5组')).toBeVisible();
  await expect(page.getByText('13700137000 / 0851-2345678')).toBeVisible();

  // Contact cards for the whole roster, printed to PDF: Chinese renders, the QR holds a card code.
  await page.getByRole('link', { name: '儿童档案', exact: true }).click();
  await page.getByPlaceholder('搜索姓名、拼音或首字母（如 zsl）').fill('');
  await page.getByRole('button', { name: '打印签到卡' }).click();
  await expect(page.getByTestId('signin-card')).toHaveCount(9);
  await shot(page, 'children-cards-screen-zh');
  const cards = await printToPdf(page, 'signin-cards');
  expect(pdfPages(cards)).toBe(2);
  const text = pdfText(cards);
  // The card a child carries: name, class and QR; nothing about the family, no 留守儿童.
  for (const word of ['签到卡', '张三丽', '阿依古丽·买买提']) expect(text).toContain(word);
  for (const word of ['留守儿童', '监护人', '13700137000', '父亲']) expect(text).not.toContain(word);
  const png = pdfPageToPng(cards, 1, 150);
  // The first card's QR sits in its right part (top-left card of the 2 × 4 grid).
  const code = readQr(png, { x: 0.3, y: 0.02, w: 0.22, h: 0.25 });
  expect(code).toMatch(/^C[0-9A-Z]{10}$/);
  const children = app.cli<{ id: number }[]>('children.list', {});
  const codes = children.map((c) => app.cli<{ cardCode: string }>('children.get', { id: c.id }).cardCode);
  expect(codes).toContain(code);

  // The roster prints too, on landscape A4.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: '打印花名册' }).click();
  const roster = await printToPdf(page, 'roster');
  expect(pdfText(roster)).toContain('青山镇中心小学留守儿童花名册');
  pdfPageToPng(roster, 1, 80);

  // A searched list exports and prints as it shows: the typed text goes with the filters.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByPlaceholder('搜索姓名、拼音或首字母（如 zsl）').fill('zsl');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsx.path());
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
  expect(cells).toContain('张三丽');
  expect(cells).not.toContain('阿依古丽·买买提');
  await page.getByRole('button', { name: '打印花名册' }).click();
  await expect(page.getByText('张三丽')).toBeVisible();
  await expect(page.getByText('阿依古丽·买买提')).toHaveCount(0);
});

test('the children list and the import page in English', async ({ page, app }) => {
  app.cli('setup.run', { ...SETUP, language: 'en' });
  const rosterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'roster.xlsx');
  fs.writeFileSync(rosterFile, await messyRoster());
  await page.goto(app.url);
  await login(page, SETUP.admin.name, SETUP.admin.pin, 'Unlock');
  await page.getByRole('link', { name: 'Children', exact: true }).click();
  await page.getByRole('button', { name: 'Import roster' }).click();
  await page.locator('input[type=file]').setInputFiles(rosterFile);
  await expect(page.getByTestId('import-counts')).toHaveText('New 9 · already there 0 · rows with errors 3 · rows with warnings 2');
  await expect(page.locator('tr[data-row="13"]')).toContainText('Guardian\'s phone：“8512345678” looks like a landline that lost its leading 0');
  await shot(page, 'children-import-preview-en');
  await page.getByRole('button', { name: 'Import 9 children' }).click();
  await expect(page.getByRole('status')).toContainText('9 children imported');
  await page.getByRole('link', { name: 'Children', exact: true }).click();
  await expect(page.getByTestId('completeness')).toContainText('Record completeness');
  await shot(page, 'children-list-en');
  await page.locator('tbody tr').first().click();
  await shot(page, 'child-page-en');
  await page.getByRole('button', { name: 'Edit' }).click();
  await shot(page, 'child-form-en');
});
