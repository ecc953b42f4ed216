import type { Page } from '@playwright/test';
import { expect, login, SEED_ADMIN, shot, test } from './fixtures';
import type { ChildListItem } from '../../shared/domain/child';
import { searchKeys } from '../../shared/domain/search';

test.describe.configure({ timeout: 300_000 });
// A Friday afternoon: the room opened at 15:30 and closes at 18:00.
test.use({ now: '2026-11-27T16:00:00+08:00' });

type Audit = { action: string; detail: string | null; childNames: string | null }[];

const row = (page: Page, column: string, id: number) => page.getByTestId(column).locator(`tr[data-child="${id}"]`);

/** Nothing wider than its box: the page, and each row's action cell. */
async function expectNoSpill(page: Page): Promise<void> {
  const spill = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}`);
    for (const td of document.querySelectorAll('[data-testid="board-row"] td')) {
      if ((td as HTMLElement).scrollWidth > (td as HTMLElement).clientWidth + 1) out.push(td.textContent ?? '');
    }
    return out;
  });
  expect(spill).toEqual([]);
}

test('the board a teacher can trust: search, hand sign-in that stays put with undo, delete, corrections, 全部签退', async ({ page, app }) => {
  app.seed(40);
  const kids = app.cli<ChildListItem[]>('children.list', {});
  // Six children came by the kiosk before the teacher sat down.
  for (const c of kids.slice(20, 26)) app.cli('attendance.signIn', { childId: c.id });
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, '解锁');
  await page.getByRole('link', { name: '签到考勤', exact: true }).click();
  await expect(page.getByTestId('board-counts')).toHaveText('在活动室 6 人 · 来过已离开 0 人 · 今天没来 34 人');
  await expectNoSpill(page);
  await shot(page, 'board-zh-1366');

  // Search as you type: initials narrow every column at once.
  const target = kids[0]!;
  await page.getByTestId('board-search').fill(searchKeys(target.name).initials);
  await expect(row(page, 'board-none', target.id)).toBeVisible();
  expect(await page.getByTestId('board-row').count()).toBeLessThan(10);
  await shot(page, 'board-search-zh-1366');
  await page.getByTestId('board-search').fill('');

  // A hand sign-in: the row stays under the mouse, says what happened, and offers an undo.
  const button = page.getByRole('button', { name: `代签到 ${target.name}`, exact: true });
  const box = (await button.boundingBox())!;
  await button.click();
  await expect(row(page, 'board-none', target.id).getByTestId('held')).toHaveText('已签到 16:00');
  await expect(page.getByTestId('board-counts')).toContainText('在活动室 7 人');
  const under = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('tr')?.getAttribute('data-child'), [box.x + box.width / 2, box.y + box.height / 2]);
  expect(Number(under)).toBe(target.id);
  // A second click where the button was lands on the note, not on the undo.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('board-counts')).toContainText('在活动室 7 人');
  await shot(page, 'board-held-zh-1366', { viewport: true });
  await row(page, 'board-none', target.id).getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId('board-counts')).toContainText('在活动室 6 人');
  await expect(row(page, 'board-none', target.id).getByRole('button', { name: `代签到 ${target.name}` })).toBeVisible();

  // Three signed in by hand; they move to 在活动室 once the mouse leaves the column.
  for (const c of kids.slice(0, 3)) await page.getByRole('button', { name: `代签到 ${c.name}`, exact: true }).click();
  await page.mouse.move(5, 5);
  for (const c of kids.slice(0, 3)) await expect(row(page, 'board-in', c.id)).toBeVisible();
  await page.getByRole('button', { name: `签退 ${kids[2]!.name}`, exact: true }).click();
  await expect(row(page, 'board-in', kids[2]!.id).getByTestId('held')).toHaveText('已签退 16:00');
  // Another row's menu, drawn outside the column, counts as inside it: the held row stays put under the menu.
  await page.getByRole('button', { name: `更多操作 ${kids[0]!.name}` }).click();
  await page.getByRole('menuitem', { name: '改时间' }).hover();
  await expect(row(page, 'board-in', kids[2]!.id).getByTestId('held')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  // The menu replaced the plain "…" button it opened from; closing it gives the focus back to the row's button.
  await expect(page.getByRole('button', { name: `更多操作 ${kids[0]!.name}` })).toBeFocused();
  await page.mouse.move(5, 5);
  await expect(row(page, 'board-left', kids[2]!.id)).toBeVisible();

  // A visit made by mistake is deleted with a reason.
  await page.getByRole('button', { name: `更多操作 ${kids[1]!.name}` }).click();
  await page.getByRole('menuitem', { name: '删除这次签到' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('16:00 这次签到将被删除');
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect(dialog.getByText('请填写此项')).toBeVisible();
  await dialog.getByRole('textbox', { name: '原因' }).fill('点错了人');
  await shot(page, 'board-delete-zh-1366');
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect(row(page, 'board-none', kids[1]!.id)).toBeVisible();
  const audit = app.cli<Audit>('audit.list', { limit: 5 });
  expect(audit[0]!.action).toBe('attendance.deleteVisit');
  expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ childId: kids[1]!.id, reason: '点错了人' });
  expect(audit[0]!.childNames).toBe(kids[1]!.name);

  // A correction after now is refused by the core's clock (16:00), an earlier one is kept.
  await page.getByRole('button', { name: `更多操作 ${kids[0]!.name}` }).click();
  await page.getByRole('menuitem', { name: '改时间' }).click();
  const typeTime = async (hm: string) => dialog.getByLabel('签到时间').fill(hm);
  await typeTime('25:00');
  await dialog.getByRole('textbox', { name: '原因' }).fill('孩子早到了');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('请按 24 小时制填写时间');
  await typeTime('20:31');
  await dialog.getByRole('textbox', { name: '原因' }).fill('孩子早到了');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('时间不能晚于现在（16:00）');
  await shot(page, 'board-correct-zh-1366');
  await typeTime('15:40');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row(page, 'board-in', kids[0]!.id)).toContainText('15:40');

  // Closing time: the Today page says so too; 全部签退 names how many and makes one audit row.
  await app.setNow('2026-11-27T18:05:00+08:00');
  await page.reload();
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, '解锁');
  await page.getByRole('link', { name: '今日概览', exact: true }).click();
  await expect(page.getByTestId('today-closing')).toHaveText(/到闭馆时间（18:00）了，还有 7 名儿童在活动室/);
  await shot(page, 'today-closing-zh-1366');
  await page.getByTestId('today-closing').getByRole('button', { name: '去签到考勤' }).click();
  await expect(page.getByTestId('closing-alert')).toContainText('还有 7 名儿童在活动室');
  await page.getByTestId('closing-alert').getByRole('button', { name: '全部签退' }).click();
  await expect(page.getByRole('dialog', { name: '给 7 名儿童签退？' })).toBeVisible();
  await expect(page.getByTestId('sign-out-all-names').locator('li')).toHaveCount(7);
  await shot(page, 'board-sign-out-all-zh-1366');
  await page.getByRole('button', { name: '签退这 7 名儿童' }).click();
  await expect(page.getByTestId('board-counts')).toHaveText('在活动室 0 人 · 来过已离开 8 人 · 今天没来 32 人');
  const rows = app.cli<Audit>('audit.list', { limit: 10 }).filter((a) => a.action.startsWith('attendance.'));
  expect(rows[0]!.action).toBe('attendance.signOutAll');
  expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ count: 7 });
  expect(rows[1]!.action).not.toBe('attendance.signOut');
  await expectNoSpill(page);
  await page.getByRole('link', { name: '今日概览', exact: true }).click();
  await expect(page.getByTestId('today-room')).toBeVisible();
  await expect(page.getByTestId('today-closing')).toHaveCount(0);
});

test('the board in English at 1366: nothing spills, the held row and the dialogs read well', async ({ page, app }) => {
  app.seed(40);
  app.cli('app.setLanguage', { language: 'en' });
  const kids = app.cli<ChildListItem[]>('children.list', {});
  for (const c of kids.slice(20, 26)) app.cli('attendance.signIn', { childId: c.id });
  for (const c of kids.slice(20, 22)) app.cli('attendance.signOut', { childId: c.id });
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, 'Unlock');
  await page.getByRole('link', { name: 'Attendance', exact: true }).click();
  await expect(page.getByTestId('board-counts')).toHaveText('In the room 4 · came and left 2 · not here yet today 34');
  await page.getByRole('button', { name: `Sign in ${kids[0]!.name}`, exact: true }).click();
  await expect(row(page, 'board-none', kids[0]!.id).getByTestId('held')).toHaveText('Signed in 16:00');
  await expectNoSpill(page);
  await shot(page, 'board-en-1366', { viewport: true });
  await page.getByRole('button', { name: 'Sign all out' }).click();
  await expect(page.getByRole('dialog', { name: 'Sign out 5 children?' })).toBeVisible();
  await shot(page, 'board-sign-out-all-en-1366');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: `More ${kids[20]!.name}` }).click();
  await page.getByRole('menuitem', { name: 'Change times' }).click();
  await expect(page.getByRole('dialog')).toContainText('Times cannot be later than now');
  await shot(page, 'board-correct-en-1366');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A sign-in whose answer arrives after the pointer left the column is not held there: nothing would
  // release it, so the row moves at once. The browser holds the request back until the pointer is gone.
  let letGo!: () => void;
  const gate = new Promise<void>((resolve) => (letGo = resolve));
  await page.route('**/api/attendance.signIn', async (route) => {
    await gate;
    await route.continue();
  });
  await page.getByRole('button', { name: `Sign in ${kids[1]!.name}`, exact: true }).click();
  await page.mouse.move(5, 5);
  await expect(row(page, 'board-in', kids[0]!.id)).toBeVisible();
  letGo();
  await expect(row(page, 'board-in', kids[1]!.id)).toBeVisible();
  await expect(row(page, 'board-none', kids[1]!.id)).toHaveCount(0);
  await page.unroute('**/api/attendance.signIn');
});

test('after the clock was set back, the visits timed later than now are listed ten at a time, the rest counted', async ({ page, app }) => {
  app.seed(30);
  const kids = app.cli<ChildListItem[]>('children.list', {});
  // Fourteen children signed in at 16:00; then the computer's clock went back to 15:40.
  for (const c of kids.slice(0, 14)) app.cli('attendance.signIn', { childId: c.id });
  await app.setNow('2026-11-27T15:40:00+08:00');
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, '解锁');
  await page.getByRole('link', { name: '签到考勤', exact: true }).click();
  const alert = page.getByTestId('future-visits');
  await expect(alert).toContainText('签到时间在当前时间之后');
  await expect(alert.getByTestId('future-visit')).toHaveCount(10);
  await expect(alert.getByTestId('future-more')).toHaveText('……另有 4 条同样的记录，这里没有列出。');
  await expect(alert.getByRole('button', { name: '改时间' })).toHaveCount(10);
  await shot(page, 'board-future-zh-1366', { viewport: true });
  // Once the clock is right again, nothing is later than now.
  await app.setNow('2026-11-27T16:05:00+08:00');
  await page.reload();
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, '解锁');
  await page.getByRole('link', { name: '签到考勤', exact: true }).click();
  await expect(page.getByTestId('board-counts')).toContainText('在活动室 14 人');
  await expect(page.getByTestId('future-visits')).toHaveCount(0);
});
