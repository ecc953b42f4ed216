import type { Page } from '@playwright/test';
import { expect, login, SEED_ADMIN, shot, test } from './fixtures';
import type { ChildListItem } from '../../shared/domain/child';
import { searchKeys } from '../../shared/domain/search';
import { calledName } from '../../shared/domain/names';
import path from 'node:path';
import { ensureDir, PDF_DIR, pdfPageToPng, pdfText } from '../helpers/pdf';

test.describe.configure({ timeout: 300_000 });
// A school afternoon: the room opened at 15:30 on a weekday and closes at 18:00.
test.use({ now: '2026-11-27T16:00:00+08:00' });

async function confirmAndReturn(page: Page, button: '签到' | '签退', name: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  // Signing out asks again.
  if (button === '签退') await page.getByRole('button', { name: '是的，我要走了' }).click();
  await expect(page.getByTestId('kiosk-done')).toContainText(`${name}，${button}成功`);
  await page.getByRole('button', { name: '回到开始' }).click();
}

test('30 children sign in by tap, initials and card; 5 sign out; the board and closing time follow', async ({ page, app }) => {
  app.seed(60);
  const all = app.cli<ChildListItem[]>('children.list', {});
  const picked = all.slice(0, 30);
  const details = picked.map((c) => app.cli<{ cardCode: string; name: string }>('children.get', { id: c.id }));

  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, '解锁');
  await page.getByRole('button', { name: '儿童签到模式' }).click();
  await page.getByRole('button', { name: '进入', exact: true }).click();
  await expect(page.getByText('请点你的年级')).toBeVisible();
  await shot(page, 'kiosk-home-zh-1366');

  const given = calledName;
  const grades = ['', '一', '二', '三', '四', '五', '六'];
  for (const [i, c] of picked.entries()) {
    if (i < 10) {
      // Tap: grade → class → name.
      await page.getByRole('button', { name: `${grades[c.grade]}年级`, exact: true }).click();
      await page.getByRole('button', { name: `${c.classNo}班`, exact: true }).click();
      if (i === 0) await shot(page, 'kiosk-names-zh-1366');
      await page.getByRole('button', { name: c.name, exact: true }).click();
    } else if (i < 20) {
      // Initials: type, then tap the name among the matches.
      await page.getByRole('textbox', { name: '或者输入名字的拼音首字母' }).fill(searchKeys(c.name).initials);
      await page.getByRole('button', { name: c.name, exact: true }).first().click();
    } else {
      // The card: a USB scanner types the code and Enter.
      await page.keyboard.type(details[i]!.cardCode);
      await page.keyboard.press('Enter');
    }
    await expect(page.getByText(`${given(c.name)}，你好！`)).toBeVisible();
    if (i === 0) await shot(page, 'kiosk-confirm-zh-1366');
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await expect(page.getByTestId('kiosk-done')).toContainText(`${given(c.name)}，签到成功`);
    if (i === 0) await shot(page, 'kiosk-done-zh-1366');
    await page.getByRole('button', { name: '回到开始' }).click();
  }

  // Five sign out, by card (the repeat-tap guard is covered by the core tests).
  for (const c of details.slice(0, 5)) {
    await page.keyboard.type(c.cardCode);
    await page.keyboard.press('Enter');
    await confirmAndReturn(page, '签退', given(c.name));
  }

  // The kiosk shows no phone numbers or addresses anywhere.
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/1[3-9]\d{9}/);
  expect(text).not.toContain('青山镇');

  // 1920×1080 touch screen.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: `${grades[picked[0]!.grade]}年级`, exact: true }).click();
  await page.getByRole('button', { name: `${picked[0]!.classNo}班`, exact: true }).click();
  await shot(page, 'kiosk-names-zh-1920');
  await page.getByRole('button', { name: '回到开始' }).click();
  await shot(page, 'kiosk-home-zh-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Leaving needs a PIN.
  await page.getByRole('button', { name: '教师退出' }).click();
  await page.getByRole('dialog').getByLabel('PIN').fill('0000');
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('PIN 码不正确');
  await page.getByRole('dialog').getByLabel('PIN').fill(SEED_ADMIN.pin);
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await expect(page.getByTestId('current-teacher')).toBeVisible();

  // The board: 25 in the room.
  await page.getByRole('link', { name: '签到考勤', exact: true }).click();
  await expect(page.getByTestId('board-counts')).toHaveText('在活动室 25 人 · 来过已离开 5 人 · 今天没来 30 人');
  await shot(page, 'attendance-board-zh');

  // Closing time: the desk lists who is still in; the teacher signs them all out.
  await app.setNow('2026-11-27T18:05:00+08:00');
  await page.reload();
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, '解锁');
  await page.getByRole('link', { name: '签到考勤', exact: true }).click();
  await expect(page.getByTestId('closing-alert')).toContainText('还有 25 名儿童在活动室');
  await shot(page, 'attendance-closing-zh');
  await page.getByRole('button', { name: '全部签退' }).click();
  await expect(page.getByRole('dialog', { name: '给 25 名儿童签退？' })).toBeVisible();
  await page.getByRole('button', { name: '签退这 25 名儿童' }).click();
  await expect(page.getByTestId('board-counts')).toHaveText('在活动室 0 人 · 来过已离开 30 人 · 今天没来 30 人');
  await expect(page.getByTestId('closing-alert')).toHaveCount(0);

  // The day's register, printed on A4.
  await page.getByRole('button', { name: '打印出勤登记表' }).click();
  await expect(page.locator('[data-print-ready="yes"]')).toBeVisible();
  const file = path.join(ensureDir(PDF_DIR), 'register.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const printed = pdfText(file);
  expect(printed).toContain('出勤登记表');
  expect(printed).toContain(picked[0]!.name);
  expect(printed).toContain('值班教师签字');
  pdfPageToPng(file, 1, 80);
});

test('the board updates at once when a child signs in at the kiosk in another window', async ({ page, app, context }) => {
  app.seed(8);
  const [child] = app.cli<ChildListItem[]>('children.list', {});
  const code = app.cli<{ cardCode: string }>('children.get', { id: child!.id }).cardCode;
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin, '解锁');
  await page.getByRole('link', { name: '签到考勤', exact: true }).click();
  await expect(page.getByTestId('board-counts')).toContainText('在活动室 0 人');

  const kiosk = await context.newPage();
  await kiosk.goto(app.url);
  await login(kiosk, SEED_ADMIN.name, SEED_ADMIN.pin, '解锁');
  await kiosk.getByRole('button', { name: '儿童签到模式' }).click();
  await kiosk.getByRole('button', { name: '进入', exact: true }).click();
  await expect(kiosk.getByText('请点你的年级')).toBeVisible();
  await kiosk.keyboard.type(code);
  await kiosk.keyboard.press('Enter');
  await kiosk.getByRole('button', { name: '签到', exact: true }).click();
  await expect(kiosk.getByTestId('kiosk-done')).toBeVisible();

  // Pushed, not polled: the board's own refresh is every 30 s.
  await expect(page.getByTestId('board-counts')).toContainText('在活动室 1 人', { timeout: 5000 });
});
