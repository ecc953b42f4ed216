import { expect, login, printToPdf, SETUP, shot, test } from './fixtures';
import { ZHANG } from '../fixtures/children';
import { pdfPageToPng, pdfText } from '../helpers/pdf';

test.describe.configure({ timeout: 300_000 });
test.use({ now: '2026-11-28T16:00:00+08:00' });

test('an event with 3 places: four children sign up at the kiosk, one waits, one cancels, the waiting child moves up, attendance, the sign-up sheet', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  const kids = ['王小明', '李小红', '赵小刚', '孙小美'].map((name, i) =>
    app.cli<{ id: number; cardCode: string }>('children.create', { ...ZHANG, name, birthDate: `2016-0${i + 1}-15` }),
  );

  // The teacher creates the event: 3 places, all grades.
  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '活动报名', exact: true }).click();
  await expect(page.getByText('还没有即将举行的活动')).toBeVisible();
  // The categories are the room's to edit.
  await page.getByRole('button', { name: '活动类别' }).click();
  await page.getByRole('button', { name: '添加类别' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: '类别名称' }).fill('志愿服务');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog').getByRole('cell', { name: '志愿服务' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '新建活动' }).click();
  const form = page.getByRole('dialog');
  // Bad input first: 0 places.
  await form.getByRole('textbox', { name: '活动名称' }).fill('歌唱比赛');
  await form.getByRole('textbox', { name: '日期（第一次）' }).fill('2026-12-05');
  await form.getByRole('textbox', { name: '地点' }).fill('活动室');
  await form.getByRole('textbox', { name: '名额' }).fill('0');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('名额至少 1 人；不限名额请留空')).toBeVisible();
  await form.getByRole('textbox', { name: '名额' }).fill('3');
  await shot(page, 'events-form-zh');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '歌唱比赛' })).toBeVisible();
  const eventUrl = page.url();

  // Four children sign up at the kiosk; the fourth is told the place is on the waitlist.
  await page.getByRole('button', { name: '儿童签到模式' }).click();
  await page.getByRole('button', { name: '进入', exact: true }).click();
  for (const [i, kid] of kids.entries()) {
    await expect(page.getByText('请点你的年级')).toBeVisible();
    await page.keyboard.type(kid.cardCode);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '活动报名' }).click();
    const card = page.getByTestId('kiosk-event').filter({ hasText: '歌唱比赛' });
    if (i < 3) {
      await expect(card).toContainText(`还剩 ${3 - i} 个名额`);
      await card.getByRole('button', { name: '我要报名' }).click();
      await expect(card).toContainText('你已经报名了！');
    } else {
      await expect(card).toContainText('人满了，你可以排队等空位');
      await card.getByRole('button', { name: '我要排队' }).click();
      await expect(card).toContainText('你在排队，排第 1 位');
      // A child who holds a place (or waits) is not told how full it is.
      await expect(card).not.toContainText('人满了');
      await expect(page.getByTestId('kiosk-notice')).toContainText('“歌唱比赛”人满了，你排在第 1 位');
      await shot(page, 'kiosk-events-zh');
    }
    await page.getByRole('button', { name: '回到开始' }).click();
  }

  // At the desk: 3 signed up, 1 waiting. 李小红 cancels: 孙小美 moves up.
  await page.goto(app.url);
  await login(page);
  await page.goto(eventUrl);
  await expect(page.getByTestId('signup-counts')).toHaveText('已报名 3 人 · 候补 1 人');
  await expect(page.getByTestId('waitlist')).toContainText('孙小美');
  await page.getByTestId('confirmed').locator(`tr[data-child="${kids[1]!.id}"]`).getByRole('button', { name: '取消报名' }).click();
  await expect(page.getByText('已取消李小红的报名，孙小美从候补转为正式报名')).toBeVisible();
  await expect(page.getByTestId('signup-counts')).toHaveText('已报名 3 人 · 候补 0 人');
  await expect(page.getByTestId('confirmed').locator(`tr[data-child="${kids[3]!.id}"]`)).toContainText('候补转正');

  // On the day: attendance (not before; the session of the day is the one shown).
  await app.setNow('2026-12-05T17:10:00+08:00');
  await page.goto(app.url);
  await login(page);
  await page.goto(eventUrl);
  await page.getByTestId('attendance').getByLabel('王小明').check();
  await page.getByTestId('attendance').getByLabel('孙小美').check();
  await page.getByRole('button', { name: '保存出勤' }).click();
  await expect(page.getByText('已保存出勤：2 人到场')).toBeVisible();
  await expect(page.getByText('已举办', { exact: true })).toBeVisible();
  await shot(page, 'event-page-zh');

  // The sign-up sheet on A4.
  await page.getByRole('button', { name: '打印报名表' }).click();
  const file = await printToPdf(page, 'event-signups');
  const text = pdfText(file);
  expect(text).toContain('歌唱比赛 报名表');
  for (const name of ['王小明', '赵小刚', '孙小美']) expect(text).toContain(name);
  expect(text).not.toContain('李小红');
  pdfPageToPng(file, 1);
});
