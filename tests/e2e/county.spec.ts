import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, login, SETUP, shot, test } from './fixtures';
import { countyRoster, idFor } from '../fixtures/countyRoster';

test.describe.configure({ timeout: 240_000 });

test('a county-style register: import, download the refused rows, fix them, import them again, export the 台账', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-'));
  const file = path.join(dir, '留守儿童台账2026秋.xlsx');
  fs.writeFileSync(file, await countyRoster());

  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '儿童档案', exact: true }).click();
  await page.getByRole('button', { name: '导入花名册' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('import-counts')).toHaveText('新建 9 名 · 已存在 0 名 · 有错误 3 行 · 有提醒 2 行');
  const row = (n: number) => page.locator(`[data-testid="import-preview"] tr[data-row="${n}"]`);
  // 出生年月 kept as a month; the category each child falls in; what is wrong, said plainly.
  await expect(row(3)).toContainText('2018-03');
  await expect(row(3)).toContainText('单亲外出');
  await expect(row(4)).toContainText('农村留守儿童');
  await expect(row(6)).toContainText('孤儿');
  await expect(row(11)).toContainText('与身份证号中的 2017-05-03 不一致');
  await expect(row(12)).toContainText('少了一位数字');
  await expect(row(10)).toContainText('校验位不对');
  await expect(row(13)).toContainText('要写明父母各自情况');
  await shot(page, 'county-import-preview-zh');

  await page.getByRole('button', { name: '导入 9 名儿童' }).click();
  await expect(page.getByRole('status')).toContainText('已导入 9 名儿童');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-refused').click()]);
  expect(download.suggestedFilename()).toBe('留守儿童台账2026秋-未导入的行.xlsx');
  const refused = path.join(dir, download.suggestedFilename());
  await download.saveAs(refused);

  // The teacher fixes the three rows in Excel and imports the file again.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(refused);
  const ws = wb.worksheets[0]!;
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const name = String(r.getCell(2).value);
    if (name === '郑好') r.getCell(5).value = idFor('2018-07-15', '262');
    if (name === '钱多') r.getCell(13).value = '15885512340';
    if (name === '冯雪') r.getCell(8).value = '父亲去世母亲服刑';
  });
  await wb.xlsx.writeFile(refused);
  await page.locator('input[type=file]').setInputFiles(refused);
  await expect(page.getByTestId('import-counts')).toHaveText('新建 3 名 · 已存在 0 名 · 有错误 0 行 · 有提醒 0 行');
  await expect(page.locator('[data-testid="import-preview"]')).toContainText('事实无人抚养儿童');
  await page.getByRole('button', { name: '导入 3 名儿童' }).click();
  await expect(page.getByRole('status')).toContainText('已导入 3 名儿童');

  // The list says which category; the filter uses it.
  await page.getByRole('button', { name: '儿童档案' }).click();
  await expect(page.getByText('共 12 名')).toBeVisible();
  await page.getByRole('combobox', { name: '全部类别' }).selectOption({ label: '农村留守儿童' });
  await expect(page.getByText('共 7 名')).toBeVisible();
  await shot(page, 'county-children-category-zh');
  const [register] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-register').click()]);
  expect(register.suggestedFilename()).toMatch(/^留守儿童台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
});
