import type { Page } from '@playwright/test';
import { expect, login, printToPdf, SETUP, shot, test } from './fixtures';
import { pdfPageToPng, pdfText } from '../helpers/pdf';
import { ZHANG } from '../fixtures/children';

/** The wizard's three steps, in the language on screen; `finish` is the last button's name. */
async function runWizard(page: Page, L: { next: string; school: string; admin: string; pin: string; again: string; finish: string }) {
  await page.getByLabel(L.school).fill(SETUP.schoolName);
  await page.getByRole('button', { name: L.next }).click();
  await page.getByRole('button', { name: L.next }).click();
  await page.getByLabel(L.admin).fill(SETUP.admin.name);
  await page.getByLabel(L.pin).fill(SETUP.admin.pin);
  await page.getByLabel(L.again).fill(SETUP.admin.pin);
  await page.getByRole('button', { name: L.finish }).click();
}

test('first run in Chinese: the desk at once with the recovery code, first steps that tick themselves, the duty teacher on Today and on the register, a PIN reset with the code', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await runWizard(page, { next: '下一步', school: '学校名称', admin: '管理员（校长）姓名', pin: 'PIN 码（4–8 位数字）', again: '再次输入 PIN 码', finish: '完成设置' });

  // No PIN typed again: the desk, with the recovery code over it.
  const code = (await page.getByTestId('recovery-code').textContent())!;
  expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
  await shot(page, 'firstrun-recovery-zh');
  await page.getByRole('button', { name: '打印恢复码' }).click();
  const sheet = await printToPdf(page, 'recovery-code');
  expect(pdfText(sheet)).toContain(code);
  pdfPageToPng(sheet, 1, 60);
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByTestId('recovery-done').click();
  await expect(page.getByTestId('recovery-code')).toHaveCount(0);

  // Today: the first steps, none done but the admin; honest empty states.
  await expect(page.getByTestId('first-steps')).toBeVisible();
  await expect(page.getByTestId('step-children')).toHaveAttribute('data-done', 'no');
  await expect(page.getByTestId('step-rota')).toHaveAttribute('data-done', 'no');
  await expect(page.getByTestId('records-empty')).toHaveText('还没有儿童档案。请先导入儿童名单。');
  await expect(page.getByText('份档案都已填写完整')).toHaveCount(0);
  await expect(page.getByText('都和父母联系过')).toHaveCount(0);
  await expect(page.getByTestId('duty-teacher')).toHaveText('今天没有安排值班教师');
  await shot(page, 'firstrun-today-zh');

  // A teacher with phone, classes and duty on Saturdays (2026-11-28 is one).
  await page.getByRole('link', { name: '设置', exact: true }).click();
  await page.getByRole('tab', { name: '教师' }).click();
  await page.getByRole('button', { name: '添加教师' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('王丽华');
  await dialog.getByLabel('初始 PIN 码（4–8 位数字）').fill('1357');
  await dialog.getByLabel('电话').fill('138 0013 8000');
  await dialog.getByRole('combobox', { name: '任教班级' }).click();
  await page.getByRole('option', { name: '三年级2班' }).click();
  await page.keyboard.press('Tab');
  await dialog.getByText('周六', { exact: true }).click();
  await dialog.getByText('周三', { exact: true }).click();
  await shot(page, 'firstrun-teacher-form-zh');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '13800138000' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '周三、周六' })).toBeVisible();
  await shot(page, 'firstrun-teachers-zh');

  // Today ticks the teachers and the rota, and names the duty teacher; a handover note is kept.
  await page.getByRole('link', { name: '今日概览', exact: true }).click();
  await expect(page.getByTestId('step-teachers')).toHaveAttribute('data-done', 'yes');
  await expect(page.getByTestId('step-rota')).toHaveAttribute('data-done', 'yes');
  await expect(page.getByTestId('duty-teacher')).toHaveText('今日值班：王丽华 13800138000');
  await page.getByLabel('今天的值班记录').fill('张三丽发烧，已通知奶奶接回。');
  await page.getByTestId('today-duty').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await shot(page, 'firstrun-today-duty-zh');

  // The next Wednesday the note is there for the next teacher.
  await app.setNow('2026-12-02T15:00:00+08:00');
  await page.reload();
  await login(page);
  await expect(page.getByTestId('previous-note')).toContainText('张三丽发烧，已通知奶奶接回。');
  await expect(page.getByTestId('duty-teacher')).toHaveText('今日值班：王丽华 13800138000');

  // The rota page: a change for one day; printed for the wall.
  await page.getByRole('link', { name: '值班表', exact: true }).click();
  await expect(page.getByTestId('rota-2026-12-05')).toContainText('王丽华');
  await page.getByTestId('rota-2026-12-04').getByRole('button', { name: '调整' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: '改由' }).click();
  await page.getByRole('option', { name: SETUP.admin.name }).click();
  await page.getByRole('dialog').getByLabel('原因').fill('补班');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('rota-2026-12-04')).toContainText(SETUP.admin.name);
  await expect(page.getByTestId('rota-2026-12-04')).toContainText('补班');
  await shot(page, 'firstrun-rota-zh');
  await page.getByTestId('print-rota').click();
  const rota = await printToPdf(page, 'rota-2026-12');
  const rotaText = pdfText(rota);
  for (const word of ['值班表', '2026年12月', '王丽华', '13800138000', '补班']) expect(rotaText).toContain(word);
  pdfPageToPng(rota, 1, 80);

  // The printed register names the day's duty teacher.
  await page.goto(`${app.url}#/print/register?day=2026-12-02`);
  const register = await printToPdf(page, 'register-duty');
  expect(pdfText(register)).toContain('值班教师：王丽华');
  pdfPageToPng(register, 1, 80);

  // Forgot the PIN: the recovery code sets a new one from the lock screen (a reload locks the desk).
  await page.goto(`${app.url}#/`);
  await page.reload();
  await expect(page.getByRole('heading', { name: '管理台已锁定' })).toBeVisible();
  await page.getByRole('option', { name: new RegExp(SETUP.admin.name) }).click();
  await page.getByTestId('forgot-pin').click();
  const recover = page.getByRole('dialog');
  await recover.getByLabel('恢复码').fill('AAAA-BBBB-CCCC-DDDD');
  await recover.getByLabel('新 PIN 码（4–8 位数字）').fill('8642');
  await recover.getByLabel('再次输入新 PIN 码').fill('8642');
  await recover.getByRole('button', { name: '重设 PIN 码' }).click();
  await expect(recover.getByText('恢复码不正确，还可以再试 4 次。')).toBeVisible();
  await recover.getByLabel('恢复码').fill(code.toLowerCase());
  await shot(page, 'firstrun-recover-zh');
  await recover.getByRole('button', { name: '重设 PIN 码' }).click();
  await expect(page.getByText(`已为 ${SETUP.admin.name} 设好新 PIN 码`)).toBeVisible();
  await login(page, SETUP.admin.name, '8642');
});

test('first run in English: the recovery code, the first steps, the rota and the duty block', async ({ page, app }) => {
  test.setTimeout(150_000);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await runWizard(page, { next: 'Next', school: 'School name', admin: 'Administrator (principal) name', pin: 'PIN (4–8 digits)', again: 'PIN again', finish: 'Finish setup' });
  await expect(page.getByTestId('recovery-code')).toBeVisible();
  await shot(page, 'firstrun-recovery-en');
  await page.getByTestId('recovery-done').click();
  await expect(page.getByTestId('records-empty')).toHaveText('No children\'s records yet. Import the roster first.');
  await shot(page, 'firstrun-today-en');
  app.cli('teachers.add', { name: 'Wang Lihua', role: 'teacher', pin: '1357', phone: '13800138000', classes: ['3-2'], dutyDays: [6] });
  await page.reload();
  await login(page);
  await expect(page.getByTestId('duty-teacher')).toHaveText('On duty today: Wang Lihua 13800138000');
  await expect(page.getByTestId('step-rota')).toHaveAttribute('data-done', 'yes');
  await page.getByRole('link', { name: 'Duty rota', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Winter holiday');
  await page.getByLabel('From').fill('2026-11-21');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('rota-2026-11-21')).toContainText('Closed (Winter holiday)');
  await expect(page.getByTestId('rota-2026-11-21')).not.toContainText('Wang Lihua');
  await shot(page, 'firstrun-rota-en');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Teachers' }).click();
  await expect(page.getByRole('cell', { name: 'Grade 3 Class 2' })).toBeVisible();
  await shot(page, 'firstrun-teachers-en');
  await page.getByRole('tab', { name: 'Getting started' }).click();
  await shot(page, 'firstrun-start-en');
});

test('the demo school: a banner on Today, then “start real use” clears it after a typed confirmation and a backup', async ({ page, app }) => {
  test.setTimeout(150_000);
  app.cli('setup.run', { ...SETUP, demo: true });
  await page.goto(app.url);
  await login(page);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await shot(page, 'firstrun-demo-today-zh');
  await page.getByTestId('demo-banner').getByRole('button', { name: '开始正式使用' }).click();
  await page.getByTestId('start-real-use').getByRole('button', { name: '开始正式使用' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: '清除并开始' })).toBeDisabled();
  await dialog.getByLabel('请输入“开始正式使用”确认').fill('开始使用');
  await expect(dialog.getByRole('button', { name: '清除并开始' })).toBeDisabled();
  await dialog.getByLabel('请输入“开始正式使用”确认').fill('开始正式使用');
  await shot(page, 'firstrun-clear-confirm-zh');
  await dialog.getByRole('button', { name: '清除并开始' }).click();
  await expect(page.getByText(/演示数据已清除，备份为/)).toBeVisible();
  const backups = app.cli<{ name: string }[]>('backups.list', {});
  expect(backups.length).toBeGreaterThan(0);
  await page.getByRole('link', { name: '今日概览', exact: true }).click();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.getByTestId('first-steps')).toBeVisible();
  await expect(page.getByTestId('records-empty')).toBeVisible();
  expect(app.cli<unknown[]>('children.list', {})).toEqual([]);
  await shot(page, 'firstrun-after-demo-zh');
});

test('cards: the 签到卡 a child carries shows name, class and QR only; the 联系卡 for the binder has the family, class teacher, mentor and school numbers', async ({ page, app }) => {
  test.setTimeout(150_000);
  app.cli('setup.run', SETUP);
  const mentor = app.cli<{ id: number }>('teachers.add', { name: '王丽华', role: 'teacher', pin: '1357', phone: '13600136000', classes: ['3-2'] });
  const child = app.cli<{ id: number }>('children.create', { ...ZHANG, mentorId: mentor.id });
  app.cli('cards.setNumbers', { schoolPhone: '0851-8765432', roomPhone: '' });
  await page.goto(app.url);
  await login(page);
  await page.goto(`${app.url}#/children/${child.id}`);
  await page.getByRole('button', { name: '打印签到卡' }).click();
  const signin = await printToPdf(page, 'card-signin');
  const signinText = pdfText(signin);
  expect(signinText).toContain('张三丽');
  for (const word of ['留守儿童', '监护人', '父亲', '13800138000']) expect(signinText).not.toContain(word);
  pdfPageToPng(signin, 1, 80);
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: '打印联系卡（教师用）' }).click();
  await expect(page.getByTestId('contact-card')).toHaveCount(1);
  await shot(page, 'cards-contact-screen-zh');
  const contact = await printToPdf(page, 'card-contact');
  const contactText = pdfText(contact);
  for (const word of ['联系卡', '张三丽', '监护人', '班级老师', '王丽华', '13600136000', '结对老师', '校办 0851-8765432']) expect(contactText).toContain(word);
  expect(contactText).not.toContain('留守儿童');
  pdfPageToPng(contact, 1, 80);
});
