import type { Page } from '@playwright/test';
import { expect, login, SETUP, shot, test } from './fixtures';
import { ZHANG } from '../fixtures/children';

test.describe.configure({ timeout: 300_000 });
// A school afternoon: the room is open.
const NOW = '2026-11-28T16:00:00+08:00';
test.use({ now: NOW });

const WANG = { name: '王老师', pin: '1357' };
const NOTE = '说了期中考试的事，爸爸下个月回来';

const seconds = (mmss: string) => {
  const [m, s] = mmss.split(':').map(Number);
  return m! * 60 + s!;
};

/** The lock screen over the desk, or nothing. */
const lockScreen = (page: Page) => page.locator('[data-lock-screen]');

/** Picks a teacher on the lock screen and types the PIN (the confirmation, if any, is the caller's). */
async function unlockAs(page: Page, who: { name: string; pin: string }): Promise<void> {
  const lock = lockScreen(page);
  await lock.getByRole('option', { name: new RegExp(who.name) }).click();
  await lock.getByLabel(/PIN/).fill(who.pin);
  await lock.getByRole('button', { name: /^(解锁|Unlock)$/ }).click();
}

/** Nothing of the desk can be seen, reached by keyboard or read by a screen reader while it is locked. */
async function expectDeskHidden(page: Page): Promise<void> {
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.locator('#root')).toHaveAttribute('inert', '');
  await expect(page.locator('#root')).toHaveAttribute('aria-hidden', 'true');
  // The dialog is still there (mounted, in its own portal) but out of the accessibility tree.
  await expect(page.locator('[role="dialog"]')).toHaveCount(1);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: '备注' })).toHaveCount(0);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.closest('[data-lock-screen]') !== null)).toBe(true);
  }
}

test('the lock keeps what a teacher typed: a running call timer keeps the desk awake, the same PIN brings back the dialog, note and timer, another teacher gets a clean desk after saying so', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  app.cli('settings.update', { schoolName: SETUP.schoolName, roomName: SETUP.roomName, language: 'zh-CN', idleLockMinutes: 1 });
  app.cli('teachers.add', { name: WANG.name, role: 'teacher', pin: WANG.pin });
  const zhang = app.cli<{ id: number }>('children.create', ZHANG);
  app.cli('kiosk.toggle', { childId: zhang.id });

  // The page's clock is the core's: the call timer, the idle lock and the core's idle expiry move together.
  let now = Date.parse(NOW);
  await page.clock.install({ time: now });
  /** Lets `ms` pass on both clocks, in steps shorter than the idle limit (the heartbeats go in between). */
  const pass = async (ms: number) => {
    for (let left = ms; left > 0; left -= 20_000) {
      const step = Math.min(20_000, left);
      await page.clock.runFor(step);
      now += step;
      await app.setNow(new Date(now).toISOString());
    }
  };

  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '亲情电话', exact: true }).click();
  await page.getByTestId('call-home').locator(`tr[data-child="${zhang.id}"]`).getByRole('button', { name: '记录' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox', { name: '和谁联系' })).toHaveValue(/父亲 张大山/);
  await dialog.getByTestId('call-start').click();
  await dialog.getByRole('textbox', { name: '备注' }).fill(NOTE);

  // Three minutes on the phone with the idle limit at one: the timer keeps the desk awake, in the page and in the core.
  await pass(3 * 60_000);
  await expect(lockScreen(page)).toHaveCount(0);
  expect(seconds(await dialog.getByTestId('call-timer').innerText())).toBeGreaterThanOrEqual(180);
  // The core agrees: the next heartbeat is answered for the signed-in teacher, not for a locked desk.
  const beat = page.waitForResponse((r) => r.url().endsWith('/api/session.get'));
  await page.clock.runFor(16_000);
  expect(((await (await beat).json()) as { value: { teacher: { name: string } | null } }).value.teacher?.name).toBe(SETUP.admin.name);

  // Had the core seen no sign of life for longer than the limit, its own lock wins: the next heartbeat
  // hears it, and the lock screen covers the desk with the call still being timed underneath.
  now += 2 * 60_000;
  await app.setNow(new Date(now).toISOString());
  await page.clock.runFor(20_000);
  await expectDeskHidden(page);
  await shot(page, 'lock-over-dialog-zh');

  // The same teacher: the dialog, the note and the running timer (counting the locked time too) are back.
  await unlockAs(page, SETUP.admin);
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(page.locator('#root')).not.toHaveAttribute('inert', '');
  await expect(dialog.getByRole('textbox', { name: '备注' })).toHaveValue(NOTE);
  await expect(dialog.getByTestId('call-stop')).toBeVisible();
  expect(seconds(await dialog.getByTestId('call-timer').innerText())).toBeGreaterThanOrEqual(200);

  // The call ends; the teacher walks away with the dialog open: the idle lock comes, the draft waits.
  await dialog.getByTestId('call-stop').click();
  const timed = seconds(await dialog.getByTestId('call-timer').innerText());
  await pass(70_000);
  await expectDeskHidden(page);
  await unlockAs(page, SETUP.admin);
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: '备注' })).toHaveValue(NOTE);
  expect(seconds(await dialog.getByTestId('call-timer').innerText())).toBe(timed);
  await pass(70_000);
  await expectDeskHidden(page);

  // Another teacher is asked first; saying no keeps the draft under the lock.
  await unlockAs(page, WANG);
  const ask = page.getByTestId('discard-draft');
  await expect(ask).toContainText('上一位老师有未保存的内容，放弃吗？');
  await shot(page, 'lock-discard-zh');
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(ask).toHaveCount(0);
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.locator('[role="dialog"]')).toHaveCount(1);

  // Saying yes: a clean desk on the Today page, with nothing of the previous teacher's dialog, note or pages.
  await unlockAs(page, WANG);
  await ask.getByRole('button', { name: '放弃并解锁' }).click();
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(page.getByTestId('current-teacher')).toContainText(WANG.name);
  await expect(page.locator('[role="dialog"]')).toHaveCount(0);
  await expect(page.getByTestId('today-room')).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);
  const cached = await page.evaluate(() => document.body.innerText);
  expect(cached).not.toContain(NOTE);
  // Nothing was saved for the call that was given up.
  expect(app.cli<unknown[]>('calls.list', { from: '2026-11-01', to: '2026-11-30' })).toHaveLength(0);
});

test('a desk locked with nothing open: another teacher is not asked, and the lock screen on a new page load is the plain one', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  app.cli('teachers.add', { name: WANG.name, role: 'teacher', pin: WANG.pin });
  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '亲情电话', exact: true }).click();
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(lockScreen(page)).toBeVisible();
  await unlockAs(page, WANG);
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(page.getByTestId('current-teacher')).toContainText(WANG.name);
  await expect(page).toHaveURL(/#\/$/);
  // A new page load has no desk to keep: its lock screen is the whole page.
  await page.reload();
  await expect(page.getByRole('heading', { name: '管理台已锁定' })).toBeVisible();
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(page.getByTestId('current-teacher')).toHaveCount(0);
});
