import type { Page } from '@playwright/test';
import { expect, login, SETUP, shot, test } from './fixtures';

/** Every screen of the house, in both languages, for a human to look at (test-results/screenshots). */
const LANGS = [
  {
    lng: 'zh-CN',
    label: '中文',
    lockTitle: '管理台已锁定',
    unlock: '解锁',
    settings: '设置',
    tabs: ['学校与活动室', '学期', '开放时间', '借阅规则', '亲情电话', '关爱帮扶', '花名册', '教师', '备份与恢复', '操作记录', '开始使用', '我的 PIN 码'],
    kiosk: '儿童签到模式',
    enter: '进入',
    welcome: '欢迎来到留守儿童之家！',
    sections: ['今日概览', '儿童档案', '签到考勤', '图书借阅', '亲情电话', '生日', '活动报名', '关爱帮扶', '学期总结', '值班表'],
  },
  {
    lng: 'en',
    label: 'English',
    lockTitle: 'The desk is locked',
    unlock: 'Unlock',
    settings: 'Settings',
    tabs: ['School and room', 'Terms', 'Opening hours', 'Library rules', 'Family calls', 'Care', 'Roster', 'Teachers', 'Backup and restore', 'Audit log', 'Getting started', 'My PIN'],
    kiosk: "Children's sign-in mode",
    enter: 'Switch',
    welcome: 'Welcome to the 留守儿童之家!',
    sections: ['Today', 'Children', 'Attendance', 'Library', 'Family calls', 'Birthdays', 'Events', 'Care', 'Term summary', 'Duty rota'],
  },
] as const;

async function noKeyLeaks(page: Page): Promise<void> {
  // Pages load on demand: read the page once its code is there, not the empty space before it.
  await expect(page.locator('[data-page-loading]')).toHaveCount(0);
  // A missing translation shows as its key (e.g. "settings:terms.add" or "terms.add").
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b(common|nav|setup|auth|kiosk|settings|errors|validation|children|attendance|library|calls|birthdays|today|events|summary|care|rota):[\w.]+/);
  expect(text).not.toMatch(/\b(notBuilt|teachers|terms|audit|tabs|roles)\.[a-zA-Z]+\b/);
}

for (const L of LANGS) {
  test(`every screen in ${L.lng}`, async ({ page, app }) => {
    // Every section and every Settings tab, each with a screenshot: about a minute alone, more on a busy machine.
    test.setTimeout(240_000);
    app.cli('setup.run', { ...SETUP, language: L.lng });
    app.cli('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    app.cli('terms.add', { name: '2027年春季学期', start: '2027-02-20', end: '2027-07-05' });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: L.lockTitle })).toBeVisible();
    await noKeyLeaks(page);
    await shot(page, `screen-lock-${L.lng}`);

    await login(page, SETUP.admin.name, SETUP.admin.pin, L.unlock);
    for (const [i, name] of L.sections.entries()) {
      await page.getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
      await noKeyLeaks(page);
      await shot(page, `screen-section-${i}-${L.lng}`);
    }
    await page.getByRole('link', { name: L.settings, exact: true }).click();
    for (const [i, tab] of L.tabs.entries()) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      await noKeyLeaks(page);
      await shot(page, `screen-settings-${i}-${L.lng}`);
    }
    await page.getByRole('button', { name: L.kiosk }).click();
    await shot(page, `screen-kiosk-confirm-${L.lng}`);
    await page.getByRole('button', { name: L.enter, exact: true }).click();
    await expect(page.getByRole('heading', { name: L.welcome })).toBeVisible();
    await noKeyLeaks(page);
    await shot(page, `screen-kiosk-${L.lng}`);
  });
}
