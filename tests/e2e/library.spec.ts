import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, login, printToPdf, SEED_ADMIN, SETUP, shot, SHOTS, test } from './fixtures';
import { ZHANG } from '../fixtures/children';
import { messyBookList } from '../fixtures/booklists';
import { pdfPageToPng, pdfPages, pdfText } from '../helpers/pdf';

test.describe.configure({ timeout: 300_000 });

/** A USB scanner types what it reads and presses Enter, into whatever has the focus: the scan field must keep it. */
async function scan(page: Page, code: string): Promise<void> {
  await expect(page.getByTestId('desk-scan')).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

test('add books by ISBN, print labels, lend two by scanning, refuse a third, return one, overdue blocks, override with a reason', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  const zhang = app.cli<{ id: number; cardCode: string }>('children.create', ZHANG);
  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '图书借阅', exact: true }).click();
  await page.getByRole('tab', { name: '图书' }).click();
  await expect(page.getByText('还没有登记图书')).toBeVisible();

  // A new book: a wrong check digit is refused on the field, then the form opens for an unknown ISBN.
  await page.getByRole('button', { name: '登记新书' }).click();
  await page.getByTestId('intake-isbn').fill('978-7-5307-3021-7');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('ISBN“978-7-5307-3021-7”的校验位不对')).toBeVisible();
  await page.getByTestId('intake-isbn').fill('978-7-5307-3021-8');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('本室还没有这本书')).toBeVisible();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '书名', exact: true }).fill('草房子');
  await dialog.getByRole('textbox', { name: '作者', exact: true }).fill('曹文轩');
  await dialog.getByRole('textbox', { name: '出版社', exact: true }).fill('天天出版社');
  await dialog.getByRole('textbox', { name: '册数', exact: true }).fill('2');
  await shot(page, 'library-intake-new-zh');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByTestId('intake-done')).toHaveText('已登记《草房子》2 册，财产号：000001、000002');

  // The same book scanned again (as an ISBN-10-less EAN with spaces): a known title gets a copy.
  await page.getByRole('button', { name: '继续登记' }).click();
  await page.getByTestId('intake-isbn').fill('978 7 5307 3021 8');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('intake-known')).toContainText('本室已有《草房子》（2 册）');
  await page.getByRole('dialog').getByRole('combobox', { name: '来源' }).click();
  await page.getByRole('option', { name: '捐赠' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: '捐赠人' }).fill('县图书馆');
  await page.getByRole('button', { name: '添加册数' }).click();
  await expect(page.getByTestId('intake-done')).toHaveText('已登记《草房子》1 册，财产号：000003');

  // Labels for the new copy, then for all three from the book page.
  await page.getByRole('button', { name: '打印条码标签' }).click();
  await expect(page.getByTestId('book-label')).toHaveCount(1);
  await page.getByRole('button', { name: '返回' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('cell', { name: '草房子' }).click();
  await expect(page.getByTestId('copies').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('copies').locator('tr[data-barcode="000003"]')).toContainText('捐赠（县图书馆）');
  await shot(page, 'library-book-zh');
  await page.getByRole('button', { name: '打印条码标签' }).click();
  await expect(page.getByTestId('book-label')).toHaveCount(3);
  await shot(page, 'library-labels-zh');
  const labels = await printToPdf(page, 'library-labels');
  expect(pdfPages(labels)).toBe(1);
  const labelText = pdfText(labels);
  for (const code of ['000001', '000002', '000003']) expect(labelText).toContain(code);
  expect(labelText).toContain('草房子');
  pdfPageToPng(labels, 1);
  await page.getByRole('button', { name: '返回' }).click();

  // The lending desk: the card, then two books; a third is over the limit.
  await page.getByRole('tab', { name: '借还书' }).click();
  await scan(page, zhang.cardCode);
  await expect(page.getByTestId('borrower')).toContainText('张三丽');
  await scan(page, '000001');
  await expect(page.getByRole('status')).toHaveText('已借出：《草房子》→ 张三丽，应还日期 2026-12-12');
  // A second copy of the same title is asked first.
  await scan(page, '000002');
  await expect(page.getByTestId('same-title')).toHaveText('张三丽已经借了一本《草房子》（财产号 000001）。还要再借一本吗？');
  await shot(page, 'library-same-title-zh');
  await page.getByRole('button', { name: '再借一本' }).click();
  // Her last book: nobody stays chosen for the next scan.
  await expect(page.getByRole('status')).toHaveText('张三丽已借满 2 本，借书人已清除。下一位请先扫卡。');
  await expect(page.getByTestId('borrower')).toContainText('还没有选择借书的孩子');
  await scan(page, '000003');
  await expect(page.getByRole('status')).toHaveText('《草房子》在架上。借书请先扫孩子的联系卡或输入姓名选择孩子。');
  await scan(page, zhang.cardCode);
  await expect(page.getByTestId('loan-count')).toHaveText('已借 2/2 本');
  await scan(page, '000003');
  await expect(page.getByRole('status')).toHaveText('张三丽已借满 2 本，还书后才能再借');
  await shot(page, 'library-desk-zh');
  // Returning is scanning the book, whoever has it.
  await scan(page, '000001');
  await expect(page.getByRole('status')).toHaveText('已还书：《草房子》（张三丽）');
  await expect(page.getByTestId('loan-count')).toHaveText('已借 1/2 本');

  // Three weeks later the second book is overdue: the list shows it, and the child is blocked.
  await app.setNow('2026-12-19T16:00:00+08:00');
  await page.reload();
  await login(page);
  await page.getByRole('link', { name: '图书借阅', exact: true }).click();
  await page.getByRole('tab', { name: '在借与逾期' }).click();
  await expect(page.getByTestId('loans-count')).toHaveText('逾期未还 1 本');
  await expect(page.getByTestId('loans')).toContainText('张三丽');
  await expect(page.getByTestId('loans')).toContainText('三年级2班');
  await expect(page.getByTestId('loans')).toContainText('逾期 7 天');
  await shot(page, 'library-overdue-zh');
  await page.getByRole('button', { name: '打印逾期通知单' }).click();
  const slips = await printToPdf(page, 'library-overdue-slips');
  expect(pdfText(slips)).toMatch(/三年级2班\s+图书逾期通知单/);
  expect(pdfText(slips)).toContain('逾期 7 天');
  pdfPageToPng(slips, 1);
  await page.getByRole('button', { name: '返回' }).click();

  await page.getByRole('tab', { name: '借还书' }).click();
  await scan(page, zhang.cardCode);
  await expect(page.getByTestId('blocked')).toHaveText('张三丽有 1 本书逾期未还，还书后才能再借。');
  await scan(page, '000003');
  await expect(page.getByRole('dialog')).toContainText('张三丽有 1 本书逾期未还');
  await page.getByRole('button', { name: '仍然借出', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('请填写此项');
  await page.getByRole('dialog').getByLabel('原因').fill('要写读书笔记，老师同意');
  await page.getByRole('button', { name: '仍然借出', exact: true }).click();
  // She has 000002 of the same title: asked too.
  await expect(page.getByTestId('same-title')).toContainText('张三丽已经借了一本《草房子》（财产号 000002）');
  await page.getByRole('button', { name: '再借一本' }).click();
  await expect(page.getByTestId('desk-log')).toContainText('已借出：《草房子》→ 张三丽，应还日期 2027-01-02');
  await expect(page.getByRole('status')).toHaveText('张三丽已借满 2 本，借书人已清除。下一位请先扫卡。');
  await shot(page, 'library-override-zh');
  await scan(page, zhang.cardCode);
  await expect(page.getByTestId('loan-count')).toHaveText('已借 2/2 本');

  // The override is in the audit log with its reason; the child page shows the reading history.
  const audit = app.cli<{ action: string; detail: string }[]>('audit.list', {});
  expect(audit.find((a) => a.action === 'library.override')?.detail).toContain('要写读书笔记，老师同意');
  await page.getByRole('button', { name: '查看档案' }).click();
  await expect(page.getByTestId('child-reading')).toContainText('共借过 3 次，现借 2 本');
});

test('the reading room in English, with a demo school: catalogue, a book list import preview, figures', async ({ page, app }) => {
  app.seed(40);
  app.cli('app.setLanguage', { language: 'en' });
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, 'Unlock');
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('tab', { name: 'Books' }).click();
  await expect(page.getByText(/Titles: 364 · copies: \d+/)).toBeVisible();
  // 364 titles: only the rows near the screen are drawn; scrolling to the end draws the last one.
  const rows = page.locator('tbody[data-windowed="364"] tr[data-index]');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(80);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator('tr[data-index="363"]')).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.screenshot({ path: path.join(SHOTS, 'library-books-scrolled-en.png') });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByPlaceholder('Search title, pinyin initials, author, ISBN or accession no.').fill('cfz');
  await expect(page.getByRole('cell', { name: '草房子' })).toBeVisible();
  await shot(page, 'library-books-en');
  // A book list's preview, in English, with its problems named by row.
  const listFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'books-')), '图书登记表.xlsx');
  fs.writeFileSync(listFile, await messyBookList());
  await page.getByRole('button', { name: 'Import book list' }).click();
  await page.locator('input[type=file]').setInputFiles(listFile);
  await expect(page.getByTestId('import-counts')).toHaveText('4 new titles · 8 new copies · 0 rows already there · 2 rows with errors');
  await expect(page.locator('[data-testid="import-preview"] tr[data-row="8"]')).toContainText('The check digit of ISBN “978-7-5307-3021-9” is wrong');
  await expect(page.locator('[data-testid="import-preview"] tr[data-row="9"]')).toContainText('Accession number A001 repeats row 3');
  await shot(page, 'library-import-en');
  await page.getByRole('tab', { name: 'Reading figures' }).click();
  await expect(page.getByTestId('library-stats')).toContainText('Books lent');
  await shot(page, 'library-stats-en');
  await page.getByRole('tab', { name: 'Lend & return' }).click();
  await scan(page, 'zz-not-a-code');
  await expect(page.getByRole('status')).toContainText('is neither a contact card nor');
  await shot(page, 'library-desk-en');
});
