import type { Page } from '@playwright/test';
import { expect, login, SETUP, shot, test } from './fixtures';
import { ZHANG } from '../fixtures/children';

test.describe.configure({ timeout: 300_000 });
const NOW = '2026-11-28T09:00:00+08:00';

type Cli = { cli: <T>(name: string, input?: unknown) => T };

function school(app: Cli, language: 'zh-CN' | 'en' = 'zh-CN') {
  app.cli('setup.run', { ...SETUP, language });
  const zhang = app.cli<{ id: number; cardCode: string }>('children.create', ZHANG);
  const shilan = app.cli<{ id: number; cardCode: string }>('children.create', { ...ZHANG, name: '张诗兰', birthDate: '2016-03-03', grade: 4, classNo: 1 });
  const li = app.cli<{ id: number; cardCode: string }>('children.create', { ...ZHANG, name: '李雷', birthDate: '2016-01-01', grade: 4, classNo: 1 });
  app.cli('library.createBook', { book: { title: '草房子', isbn: null, author: '曹文轩' }, copies: { count: 3 } });
  app.cli('library.createBook', { book: { title: '小王子', isbn: null, author: '圣埃克苏佩里' }, copies: { count: 2 } });
  return { zhang, shilan, li };
}

async function scan(page: Page, code: string): Promise<void> {
  await expect(page.getByTestId('desk-scan')).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

test('the lending desk never lends to the previous child: cleared after the idle time and after the last book; keyboard choice of a child', async ({ page, app }) => {
  const { zhang, li } = school(app);
  await page.clock.install({ time: Date.parse(NOW) });
  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '图书借阅', exact: true }).click();
  await page.getByRole('tab', { name: '借还书' }).click();

  // Initials with two matches: arrows and Enter choose, no mouse.
  await scan(page, 'zsl');
  await expect(page.getByTestId('desk-matches').getByRole('option')).toHaveCount(2);
  await expect(page.getByTestId('desk-matches').getByRole('option', { selected: true })).toContainText('张三丽');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('desk-matches').getByRole('option', { selected: true })).toContainText('张诗兰');
  await shot(page, 'lending-matches-zh-1366');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('borrower-name')).toHaveText('正在为 张诗兰 借书');

  // An exact full name is chosen at once.
  await scan(page, '李雷');
  await expect(page.getByTestId('desk-matches')).toHaveCount(0);
  await expect(page.getByTestId('borrower-name')).toHaveText('正在为 李雷 借书');
  await scan(page, '000004');
  await expect(page.getByRole('status')).toHaveText('已借出：《小王子》→ 李雷，应还日期 2026-12-12');
  // 应还日期 stays on one line.
  const due = page.getByTestId('borrower').getByText('2026-12-12', { exact: true });
  expect((await due.boundingBox())!.height).toBeLessThan(30);
  await shot(page, 'lending-chosen-zh-1366');

  // Half a minute without a scan: 李雷 is no longer chosen, and the next child's book is not lent to him.
  await page.clock.runFor(31_000);
  await expect(page.getByTestId('borrower')).toContainText('还没有选择借书的孩子');
  await expect(page.getByRole('status')).toHaveText('30 秒没有操作，已清除借书人（李雷）。下一位请先扫卡。');
  await scan(page, '000001');
  await expect(page.getByRole('status')).toHaveText('《草房子》在架上。借书请先扫孩子的联系卡或输入姓名选择孩子。');
  expect(app.cli<{ loans: unknown[] }>('library.borrower', { childId: li.id }).loans).toHaveLength(1);
  await shot(page, 'lending-idle-zh-1366');

  // The next child: two books, the second of the same title is asked, her last clears her.
  await scan(page, zhang.cardCode);
  await scan(page, '000001');
  await scan(page, '000002');
  await expect(page.getByTestId('same-title')).toContainText('张三丽已经借了一本《草房子》（财产号 000001）');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('status')).toHaveText('没有借出：张三丽已经有《草房子》');
  await scan(page, '000005');
  await expect(page.getByRole('status')).toHaveText('张三丽已借满 2 本，借书人已清除。下一位请先扫卡。');
  await expect(page.getByTestId('borrower')).toContainText('还没有选择借书的孩子');
  expect(app.cli<{ loans: { barcode: string }[] }>('library.borrower', { childId: zhang.id }).loans.map((l) => l.barcode).sort()).toEqual(['000001', '000005']);
});

test('the lending desk in English at 1366', async ({ page, app }) => {
  const { li } = school(app, 'en');
  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('tab', { name: 'Lend & return' }).click();
  await scan(page, 'zsl');
  await expect(page.getByTestId('desk-matches')).toContainText('Choose with ↑ ↓, then Enter');
  await shot(page, 'lending-matches-en-1366');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('desk-matches')).toHaveCount(0);
  await scan(page, li.cardCode);
  await scan(page, '000001');
  await scan(page, '000002');
  await expect(page.getByTestId('same-title')).toContainText('李雷 already has a copy of "草房子" (copy 000001). Lend another copy?');
  await shot(page, 'lending-same-title-en-1366');
  await page.getByRole('button', { name: 'Lend another copy' }).click();
  await expect(page.getByRole('status')).toHaveText('李雷 has 2 books now, the most allowed, and is no longer chosen. Next child: scan the card first.');
  await scan(page, li.cardCode);
  await expect(page.getByTestId('borrower-name')).toHaveText('Lending to 李雷');
  const due = page.getByTestId('borrower').getByText('2026-12-12', { exact: true }).first();
  expect((await due.boundingBox())!.height).toBeLessThan(30);
  await shot(page, 'lending-chosen-en-1366');
});
