import type { Page } from '@playwright/test';
import { expect, login, SETUP, shot, test } from './fixtures';
import { ZHANG } from '../fixtures/children';

test.describe.configure({ timeout: 300_000 });
const NOW = '2026-11-27T16:00:00+08:00';
test.use({ now: NOW });

// One class where two given names are one character (何诗, 余诗) and two children share 子涵.
const CLASS = ['张子涵', '何诗', '李子涵', '王安琪', '余诗'];

function makeClass(app: { cli: <T>(name: string, input?: unknown) => T }): Map<string, number> {
  app.cli('setup.run', SETUP);
  const ids = new Map<string, number>();
  for (const [i, name] of CLASS.entries()) {
    ids.set(name, app.cli<{ id: number }>('children.create', { ...ZHANG, name, birthDate: `2016-0${i + 1}-15` }).id);
  }
  return ids;
}

async function enterKiosk(page: Page, enter: string | RegExp = /^(进入|Switch)$/): Promise<void> {
  await login(page);
  await page.getByRole('button', { name: /儿童签到模式|Children's sign-in/ }).click();
  await page.getByRole('button', { name: enter }).click();
}


test('a 7-year-old at the kiosk: names as spoken, the state in words, a double tap never signs out, a clean start screen', async ({ page, app }) => {
  const ids = makeClass(app);
  await page.clock.install({ time: Date.parse(NOW) });
  await page.goto(app.url);
  await enterKiosk(page);
  await expect(page.getByText('请点你的年级')).toBeVisible();

  // The class's tiles: the large text is what a child looks for, in pinyin order; 子涵 twice → full names.
  await page.getByRole('button', { name: '三年级', exact: true }).click();
  await page.getByRole('button', { name: '2班', exact: true }).click();
  await expect(page.getByTestId('kiosk-tile')).toHaveCount(5);
  const labels = await page.getByTestId('kiosk-tile').evaluateAll((els) => els.map((e) => e.querySelector('span')!.textContent));
  expect(labels).toEqual(['安琪', '何诗', '李子涵', '余诗', '张子涵']);
  await shot(page, 'kiosk-child-names-zh-1366');

  // 何诗 is greeted as 何诗, told she has not signed in, and signs in with one tap.
  await page.getByRole('button', { name: '何诗', exact: true }).click();
  await expect(page.getByText('何诗，你好！')).toBeVisible();
  await expect(page.getByTestId('kiosk-state')).toHaveText('你今天还没有签到。');
  await page.getByRole('button', { name: '签到', exact: true }).click();
  await expect(page.getByTestId('kiosk-done')).toHaveText('何诗，签到成功！');
  await page.getByRole('button', { name: '回到开始' }).click();

  // Twenty minutes later (on the core's clock: a tap within seconds of the last is a repeat there).
  await app.setNow('2026-11-27T16:20:00+08:00');
  // Initials show the class; she taps her name again: the state comes first, in words.
  await page.getByRole('textbox', { name: '或者输入名字的拼音首字母' }).fill('hs');
  await expect(page.getByTestId('kiosk-found')).toContainText('三年级2班');
  await page.getByRole('button', { name: '何诗', exact: true }).click();
  await expect(page.getByTestId('kiosk-state')).toHaveText('你 16:00 已经签到了，现在在活动室。');
  await shot(page, 'kiosk-child-state-zh-1366');

  // A double tap on 签退 only asks; she is still in the room.
  await page.getByRole('button', { name: '签退', exact: true }).dblclick();
  await expect(page.getByTestId('kiosk-ask')).toContainText('要签退吗？');
  await expect(page.getByTestId('kiosk-done')).toHaveCount(0);
  await page.clock.runFor(2000);
  type Board = { counts: { in: number }; children: { id: number; state: string }[] };
  expect(app.cli<Board>('attendance.board', {}).children.find((c) => c.id === ids.get('何诗'))?.state).toBe('in');
  await shot(page, 'kiosk-child-ask-zh-1366');
  // "No" keeps her in; then a real sign-out takes the second step.
  await page.getByRole('button', { name: '不，我还在这里' }).click();
  await expect(page.getByText('好的，你还在活动室。')).toBeVisible();
  expect(app.cli<Board>('attendance.board', {}).counts.in).toBe(1);
  await page.getByRole('button', { name: '签退', exact: true }).click();
  await page.clock.runFor(1000);
  await page.getByRole('button', { name: '是的，我要走了' }).click();
  await expect(page.getByTestId('kiosk-done')).toHaveText('何诗，签退成功，路上注意安全！');
  expect(app.cli<Board>('attendance.board', {}).counts.in).toBe(0);

  // After a confirmation the kiosk goes back to the start by itself.
  await page.clock.runFor(6000);
  await expect(page.getByText('请点你的年级')).toBeVisible();

  // The letter pad: y, s finds 余诗 with her class.
  await page.getByRole('button', { name: '字母键盘' }).click();
  await page.getByTestId('letter-pad').getByRole('button', { name: 'y', exact: true }).click();
  await page.getByTestId('letter-pad').getByRole('button', { name: 's', exact: true }).click();
  await expect(page.getByRole('textbox', { name: '或者输入名字的拼音首字母' })).toHaveValue('ys');
  await expect(page.getByRole('button', { name: '余诗', exact: true })).toBeVisible();
  await shot(page, 'kiosk-child-pad-zh-1366');

  // An abandoned search: the "not found" in large type, then gone after a minute without a touch.
  await page.getByTestId('letter-pad').getByRole('button', { name: '清空' }).click();
  await page.getByRole('textbox', { name: '或者输入名字的拼音首字母' }).fill('qqq');
  await expect(page.getByText('没有找到，请换个方法，或者找老师。')).toBeVisible();
  const size = await page.getByText('没有找到，请换个方法，或者找老师。').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(28);
  await page.clock.runFor(61_000);
  await expect(page.getByRole('textbox', { name: '或者输入名字的拼音首字母' })).toHaveValue('');
  await expect(page.getByText('没有找到，请换个方法，或者找老师。')).toHaveCount(0);
  await shot(page, 'kiosk-child-home-zh-1366');

  // An unknown card: the message in large type and child words.
  await page.keyboard.type('CZZZZZZZZZZ');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('kiosk-notice')).toContainText('没有找到这张签到卡');

  // 1920×1080.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: '三年级', exact: true }).click();
  await page.getByRole('button', { name: '2班', exact: true }).click();
  await expect(page.getByTestId('kiosk-tile')).toHaveCount(5);
  await shot(page, 'kiosk-child-names-zh-1920');
  await page.getByRole('button', { name: '王安琪', exact: true }).click();
  await expect(page.getByText('安琪，你好！')).toBeVisible();
  await shot(page, 'kiosk-child-confirm-zh-1920');
});

test.describe('on a touch screen, in English', () => {
  test.use({ hasTouch: true });
  test('the letter pad is there without asking; the same flow in English at 1366 and 1920', async ({ page, app }) => {
    makeClass(app);
    app.cli('app.setLanguage', { language: 'en' });
    await page.clock.install({ time: Date.parse(NOW) });
    await page.goto(app.url);
    await enterKiosk(page);
    await expect(page.getByText('Tap your grade')).toBeVisible();
    await expect(page.getByTestId('letter-pad')).toBeVisible();
    await shot(page, 'kiosk-child-home-en-1366');
    await page.getByTestId('letter-pad').getByRole('button', { name: 'h', exact: true }).click();
    await page.getByTestId('letter-pad').getByRole('button', { name: 's', exact: true }).click();
    await expect(page.getByTestId('kiosk-found')).toContainText('Grade 3 Class 2');
    await shot(page, 'kiosk-child-found-en-1366');
    await page.getByRole('button', { name: '何诗', exact: true }).click();
    await expect(page.getByText('Hello, 何诗!')).toBeVisible();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('kiosk-done')).toHaveText('何诗, you are signed in!');
    await page.clock.runFor(6000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect(page.getByText('Tap your grade')).toBeVisible();
    await shot(page, 'kiosk-child-home-en-1920');
    await page.getByRole('button', { name: 'Grade 3', exact: true }).click();
    await page.getByRole('button', { name: 'Class 2', exact: true }).click();
    await expect(page.getByTestId('kiosk-tile')).toHaveCount(5);
    await expect(page.getByTestId('kiosk-tile').filter({ hasText: 'In the room' })).toHaveCount(1);
    await shot(page, 'kiosk-child-names-en-1920');
    await page.getByRole('button', { name: '何诗', exact: true }).click();
    await expect(page.getByTestId('kiosk-state')).toHaveText('You signed in at 16:00. You are in the room now.');
    await page.getByRole('button', { name: 'Sign out', exact: true }).dblclick();
    await expect(page.getByTestId('kiosk-ask')).toBeVisible();
    await page.clock.runFor(1000);
    await shot(page, 'kiosk-child-ask-en-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'kiosk-child-ask-en-1366');
    await expect(page.getByTestId('kiosk-done')).toHaveCount(0);
  });
});
