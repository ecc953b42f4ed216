import { Solar } from 'lunar-typescript';
import { expect, login, printToPdf, SETUP, shot, test } from './fixtures';
import { ZHANG } from '../fixtures/children';
import { pdfPageToPng, pdfText } from '../helpers/pdf';

test.describe.configure({ timeout: 300_000 });
// A school afternoon: the room is open.
test.use({ now: '2026-11-28T16:00:00+08:00' });

test('time a call and log it: the child leaves the call-home list; birthdays on the Today page, at the kiosk, and the printed group-birthday list', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  // 张三丽 keeps a solar birthday on Dec 3; 李雷 a lunar one, on the lunar date of today (the library's own conversion).
  const zhang = app.cli<{ id: number; cardCode: string }>('children.create', { ...ZHANG, birthDate: '2016-12-03' });
  const lunarToday = Solar.fromYmd(2026, 11, 28).getLunar();
  const li = app.cli<{ id: number }>('children.create', {
    ...ZHANG,
    name: '李雷',
    birthDate: '2016-03-10',
    lunarBirthday: { month: Math.abs(lunarToday.getMonth()), day: lunarToday.getDay(), leap: lunarToday.getMonth() < 0 },
  });
  for (const c of [zhang, li]) app.cli('kiosk.toggle', { childId: c.id });

  // The Today page is the desk's home: two in the room, 李雷's lunar birthday, both should call home.
  await page.goto(app.url);
  await login(page);
  await expect(page.getByTestId('today-room')).toContainText('在活动室：2 人');
  await expect(page.getByTestId('birthday-today')).toContainText('今天是李雷（三年级2班）的 10 岁生日');
  await expect(page.getByTestId('birthday-today')).toContainText('农历十月二十');
  await expect(page.getByTestId('today-calls')).toContainText('该给家里打电话了：2 人');
  await shot(page, 'today-zh');
  // Each child in the room is a badge (plain elements with Mantine's look) that opens the child's page.
  await page.getByTestId('today-room').locator('.mantine-Badge-root', { hasText: '李雷' }).click();
  await expect(page).toHaveURL(new RegExp(`#/children/${li.id}$`));
  await page.goBack();
  await expect(page.getByTestId('today-calls')).toBeVisible();

  // Time a call home for 张三丽 and log it.
  await page.getByTestId('today-calls').getByText('亲情电话').click();
  const row = page.getByTestId('call-home').locator(`tr[data-child="${zhang.id}"]`);
  await expect(row).toContainText('还没有联系过');
  await expect(row).toContainText('13800138000');
  await row.getByRole('button', { name: '记录' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox', { name: '和谁联系' })).toHaveValue(/父亲 张大山/);
  await dialog.getByTestId('call-start').click();
  await dialog.getByRole('textbox', { name: '备注' }).fill('说了期中考试的事');
  await page.waitForTimeout(2200);
  await expect(dialog.getByTestId('call-timer')).toHaveText(/00:0[2-4]/);
  // Saved while the timer still runs (the natural way to finish): the length counts up to now.
  await shot(page, 'calls-log-zh');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已记录张三丽的一次联系')).toBeVisible();
  await expect(page.getByTestId('call-home').locator(`tr[data-child="${zhang.id}"]`)).toHaveCount(0);
  await expect(page.getByTestId('call-home').locator(`tr[data-child="${li.id}"]`)).toHaveCount(1);
  await shot(page, 'calls-home-zh');
  // The log shows who logged it, how long; the child page shows it too.
  await page.getByRole('tab', { name: '通话记录' }).click();
  await expect(page.getByTestId('call-log')).toContainText('张三丽');
  await expect(page.getByTestId('call-log')).toContainText('电话 · 孩子打给家长');
  await expect(page.getByTestId('call-log')).toContainText(SETUP.admin.name);
  await expect(page.getByTestId('call-log')).toContainText(/[2-5] 秒/);
  await page.getByRole('tab', { name: '本月联系情况' }).click();
  await expect(page.getByTestId('monthly-target')).toContainText('本月已和父母联系：1/2 名父母外出儿童（50%）');

  // Dec 3: 张三丽's birthday on the Today page and as her kiosk greeting.
  await app.setNow('2026-12-03T16:00:00+08:00');
  await page.reload();
  await login(page);
  await page.getByRole('link', { name: '今日概览', exact: true }).click();
  await expect(page.getByTestId('birthday-today')).toContainText('今天是张三丽（三年级2班）的 10 岁生日');
  await page.getByRole('button', { name: '儿童签到模式' }).click();
  await page.getByRole('button', { name: '进入', exact: true }).click();
  await expect(page.getByText('请点你的年级')).toBeVisible();
  await page.keyboard.type(zhang.cardCode);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '签到', exact: true }).click();
  await expect(page.getByTestId('kiosk-done')).toContainText('三丽，签到成功');
  await expect(page.getByTestId('kiosk-birthday')).toHaveText('祝你生日快乐！');
  await shot(page, 'kiosk-birthday-zh');

  // The group birthday: December's children on A4, then the party recorded.
  // A new page load is a new (desk) session.
  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '生日', exact: true }).click();
  await expect(page.getByTestId('group-count')).toContainText('12 月过生日的孩子：1 名');
  await shot(page, 'birthdays-zh');
  await page.getByRole('button', { name: '打印集体生日名单' }).click();
  const file = await printToPdf(page, 'group-birthdays');
  const text = pdfText(file);
  expect(text).toContain('2026年12月集体生日名单');
  expect(text).toMatch(/张三丽\s+三年级2班\s+2026-12-03\s+10 岁/);
  pdfPageToPng(file, 1);
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: '记录已举办' }).click();
  await expect(page.getByTestId('party-held')).toContainText('为 1 名孩子庆祝');
});
