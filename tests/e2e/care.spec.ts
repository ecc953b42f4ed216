import { expect, login, printToPdf, SEED_ADMIN, SETUP, shot, test } from './fixtures';
import { ZHANG } from '../fixtures/children';
import { pdfText } from '../helpers/pdf';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 300_000 });
// Saturday 2026-11-28: the week ends on Sunday 11-29.
test.use({ now: '2026-11-28T16:00:00+08:00' });

async function pickChild(page: Page, dialog: ReturnType<Page['getByRole']>, name: string) {
  const input = dialog.getByTestId('child-picker');
  await input.fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

test('a teacher pairs with two children, logs a talk and a home visit, marks one for close attention with a plan, sees what is due on Today; the principal\u2019s summary has the care figures', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  app.cli('teachers.add', { name: '王丽华', role: 'teacher', pin: '1357' });
  const kid = (name: string, awayParents: string) => app.cli<{ id: number }>('children.create', { ...ZHANG, name, awayParents, birthDate: null });
  const a = kid('张小雨', 'both');
  kid('李浩然', 'father');
  kid('王欣怡', 'mother');

  await page.goto(app.url);
  await login(page, '王丽华', '1357');
  await page.getByRole('link', { name: '关爱帮扶' }).click();
  await expect(page.getByTestId('mine-empty')).toBeVisible();

  // Pair with two children (the signed-in teacher is the mentor by default).
  await page.getByRole('tab', { name: '结对帮扶名单' }).click();
  await page.getByRole('button', { name: '结对', exact: true }).click();
  let dialog = page.getByRole('dialog');
  for (const name of ['张小雨', '李浩然']) {
    await pickChild(page, dialog, name);
    await expect(dialog.getByTestId('mentor-picker')).toHaveValue('王丽华');
    await dialog.getByRole('button', { name: '结对', exact: true }).click();
    await expect(page.getByText(`${name} 已与 王丽华 结对`)).toBeVisible();
  }
  // The same pairing again is refused, next to the mentor.
  await pickChild(page, dialog, '张小雨');
  await dialog.getByRole('button', { name: '结对', exact: true }).click();
  await expect(dialog.getByText('这位帮扶人已经和这个孩子结对了')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('pairings')).toContainText('张小雨');
  await expect(page.getByTestId('pairings')).toContainText('李浩然');
  await shot(page, 'care-pairings-zh');

  // 我的结对儿童: both, with what is due; log a talk and a home visit for 张小雨.
  await page.getByRole('tab', { name: '我的结对儿童' }).click();
  const row = page.getByTestId('mine').locator(`tr[data-child="${a.id}"]`);
  await expect(row).toContainText('本月谈心 0/1');
  await expect(row).toContainText('本学期家访 0/1');
  await row.getByRole('button', { name: '谈心' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByText('情绪', { exact: true }).click();
  await dialog.getByText('学习', { exact: true }).click();
  await dialog.getByRole('textbox', { name: '简要内容' }).fill('说想妈妈了，约好周末和妈妈视频');
  await shot(page, 'care-talk-zh');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已记录和 张小雨 的谈心')).toBeVisible();
  await row.getByRole('button', { name: '家访' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '了解到的情况' }).fill('奶奶腿脚不好，辅导作业有困难');
  await dialog.getByRole('textbox', { name: '商定的事情' }).fill('放学后到留守儿童之家写作业');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已记录 张小雨 家的家访')).toBeVisible();
  await expect(row).not.toContainText('本月谈心');
  await expect(row).not.toContainText('本学期家访');
  await expect(row).toContainText('本月联系监护人 0/1');
  await shot(page, 'care-mine-zh');

  // Close attention with a plan to review by Sunday.
  await page.getByRole('tab', { name: '重点关注' }).click();
  await page.getByRole('button', { name: '列为重点关注' }).click();
  dialog = page.getByRole('dialog');
  await pickChild(page, dialog, '张小雨');
  await dialog.getByText('情绪', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  const record = page.getByTestId('attention-record');
  await expect(record).toContainText('由 王丽华 列入');
  await expect(record).toContainText('还没有帮扶方案');
  await record.getByRole('textbox', { name: '目标' }).fill('情绪稳定，愿意说出心里话');
  await record.getByRole('textbox', { name: '措施' }).fill('每周谈心一次；每周和妈妈视频');
  const review = record.getByRole('textbox', { name: '评估日期' });
  await review.fill('2026-11-29');
  await review.press('Tab');
  await record.getByRole('button', { name: '保存方案' }).click();
  await expect(record).toContainText('情绪稳定，愿意说出心里话');
  await expect(record.getByText('请填写此项')).toHaveCount(0);
  // With a plan still to review, a new plan waits behind a button.
  await expect(record.getByRole('button', { name: '制定新方案' })).toBeVisible();
  await record.getByText('心理疏导记录', { exact: true }).click();
  await record.getByRole('textbox', { name: '内容' }).fill('哭了一会儿，说完心里好受些');
  await record.getByRole('button', { name: '保存记录' }).click();
  await expect(record).toContainText('哭了一会儿');
  await shot(page, 'care-attention-zh');
  await page.keyboard.press('Escape');

  // Today: what is due this week for my children.
  await page.getByRole('link', { name: '今日概览' }).click();
  const today = page.getByTestId('today-care');
  await expect(today).toContainText('我的结对儿童待办');
  await expect(today).toContainText('帮扶方案评估（11-29）');
  await expect(today).toContainText('李浩然');
  await shot(page, 'care-today-zh');

  // The principal's summary: the care figures and the draft paragraph (counts only, no note text).
  await page.getByRole('button', { name: '锁定' }).click();
  await login(page);
  await page.getByRole('link', { name: '学期总结' }).click();
  const care = page.getByTestId('summary-care');
  await expect(care).toContainText('有帮扶人的留守儿童');
  await expect(care).toContainText('2/3');
  await expect(care).toContainText('1 次，1 名儿童');
  await expect(care).toContainText('1 次，走访 1/3 户');
  await expect(page.getByTestId('summary-paragraph')).toContainText('3名留守儿童中有2名有帮扶人');
  await expect(page.locator('body')).not.toContainText('哭了一会儿');
  await shot(page, 'care-summary-zh');

  // The pairing list on A4.
  await page.getByRole('link', { name: '关爱帮扶' }).click();
  await page.getByRole('tab', { name: '结对帮扶名单' }).click();
  await page.getByRole('button', { name: '打印名单' }).click();
  const pdf = await printToPdf(page, 'care-pairings');
  const text = pdfText(pdf);
  expect(text).toContain('结对帮扶名单');
  expect(text).toContain('张小雨');
  expect(text).not.toContain('哭了');
  await page.goBack();

  // English.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('tab', { name: 'My children' }).click();
  await expect(page.getByRole('heading', { name: 'Care' })).toBeVisible();
  await page.getByRole('tab', { name: 'Close attention' }).click();
  await expect(page.getByTestId('attention')).toContainText('张小雨');
  await shot(page, 'care-attention-en');
  await page.getByRole('tab', { name: 'Pairing list' }).click();
  await shot(page, 'care-pairings-en');
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByTestId('today-care')).toContainText('Care work due');
  await shot(page, 'care-today-en');
  await page.getByRole('link', { name: 'Term summary' }).click();
  await expect(page.getByTestId('summary-care')).toContainText('Left-behind children with a mentor');
  await shot(page, 'care-summary-en');
});

test('the care section of a demo school: a year of talks, visits, guardians and support; the summary and the Today page count them', async ({ page, app }) => {
  app.seed(150);
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin);
  await expect(page.getByTestId('today-care')).toContainText('关爱帮扶待办');
  await page.getByRole('link', { name: '关爱帮扶' }).click();
  // The principal has no children of their own, and looks at a teacher's.
  await expect(page.getByTestId('mine-empty')).toBeVisible();
  await page.getByRole('combobox', { name: '教师' }).click();
  await page.getByRole('option', { name: '王丽华' }).click();
  await expect(page.getByTestId('mine').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'care-demo-mine-zh');
  await page.getByRole('tab', { name: '结对帮扶名单' }).click();
  await expect(page.getByTestId('pairings').locator('tbody tr').first()).toBeVisible();
  await page.getByRole('tab', { name: '谈心记录' }).click();
  await expect(page.getByTestId('talks').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'care-demo-talks-zh');
  await page.getByRole('tab', { name: '家访' }).click();
  await expect(page.getByText(/本学期还没有家访的留守儿童家庭：\d+ 户/)).toBeVisible();
  await expect(page.getByTestId('visits').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'care-demo-visits-zh');
  await page.getByRole('tab', { name: '监护人' }).click();
  await expect(page.getByTestId('meetings').locator('tbody tr').first()).toBeVisible();
  await shot(page, 'care-demo-guardians-zh');
  await page.getByRole('tab', { name: '资助慰问' }).click();
  // 三个优先: the first children on the list are left-behind.
  await expect(page.getByTestId('priority').locator('tbody tr').first()).toContainText('留守儿童');
  await shot(page, 'care-demo-support-zh');
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '关爱帮扶' }).click();
  await expect(page.getByRole('textbox', { name: /每月与每名留守儿童谈心/ })).toHaveValue('1');
  await shot(page, 'care-demo-settings-zh');
  await page.getByRole('link', { name: '学期总结' }).click();
  await expect(page.getByTestId('summary-care')).toContainText(/谈心.*\d+ 次/);
  await expect(page.getByTestId('summary-paragraph')).toContainText('落实结对帮扶');
  await shot(page, 'care-demo-summary-zh');
});
