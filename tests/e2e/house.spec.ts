import { expect, login, SETUP, shot, test } from './fixtures';

test('first run: wizard → lock screen → login → settings → English → lock → kiosk', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
  await shot(page, 'setup-zh');

  // Bad input: an empty school name is refused with a translated message, and nothing moves on.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请填写此项')).toBeVisible();
  await shot(page, 'setup-error-zh');
  await page.getByLabel('学校名称').fill(`  ${SETUP.schoolName}　`);
  await page.getByRole('button', { name: '下一步' }).click();

  // The term step comes prefilled with the term of the core's today (2026-11-28).
  await expect(page.getByLabel('当前学期名称')).toHaveValue('2026年秋季学期');
  await expect(page.getByLabel('开学日期')).toHaveValue('2026-09-01');
  await expect(page.getByLabel('学期结束日期')).toHaveValue('2027-01-31');
  await shot(page, 'setup-term-zh');
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByLabel('管理员（校长）姓名').fill(SETUP.admin.name);
  await page.getByLabel('PIN 码（4–8 位数字）').fill('12');
  await page.getByLabel('再次输入 PIN 码').fill('13');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('PIN 码必须是 4–8 位数字')).toBeVisible();
  await expect(page.getByText('两次输入的 PIN 码不一致')).toBeVisible();
  await page.getByLabel('PIN 码（4–8 位数字）').fill(SETUP.admin.pin);
  await page.getByLabel('再次输入 PIN 码').fill(SETUP.admin.pin);
  await page.getByRole('button', { name: '完成设置' }).click();

  // The new admin lands in the desk (no PIN typed again), over it the recovery code to keep.
  await expect(page.getByTestId('recovery-code')).toHaveText(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
  await page.getByTestId('recovery-done').click();
  // The lock screen: the school name was stored clean.
  await expect(page.getByTestId('current-teacher')).toBeVisible();
  await page.getByRole('button', { name: '锁定', exact: true }).click();
  await expect(page.getByRole('heading', { name: '管理台已锁定' })).toBeVisible();
  await expect(page.locator("[data-lock-screen]").getByText(`${SETUP.schoolName} · 留守儿童之家`)).toBeVisible();
  await shot(page, 'lock-zh');
  await login(page);

  // The desk: every section is in the navigation; the Today page is its home.
  await expect(page.getByTestId('current-teacher')).toHaveText(SETUP.admin.name);
  for (const name of ['今日概览', '儿童档案', '签到考勤', '图书借阅', '亲情电话', '生日', '活动报名', '学期总结', '设置']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: '今日概览', level: 2 })).toBeVisible();
  await shot(page, 'desk-today-zh');

  // Settings: add a teacher; a duplicate name is refused with a message.
  await page.getByRole('link', { name: '设置', exact: true }).click();
  await page.getByRole('tab', { name: '教师' }).click();
  await page.getByRole('button', { name: '添加教师' }).click();
  await page.getByLabel('姓名').fill('王老师');
  await page.getByLabel('初始 PIN 码（4–8 位数字）').fill('1357');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '王老师' })).toBeVisible();
  await page.getByRole('button', { name: '添加教师' }).click();
  await page.getByLabel('姓名').fill(' 王老师 ');
  await page.getByLabel('初始 PIN 码（4–8 位数字）').fill('2468');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog').getByText('已经有名为“王老师”的教师（包括已停用的教师）。')).toBeVisible();
  await shot(page, 'settings-teachers-zh');
  await page.getByRole('button', { name: '取消' }).click();

  // Terms: an overlapping term is refused, naming the term it overlaps.
  await page.getByRole('tab', { name: '学期' }).click();
  await page.getByRole('button', { name: '添加学期' }).click();
  await page.getByLabel('学期名称').fill('寒假');
  await page.getByLabel('开始日期').fill('2027-01-10');
  await page.keyboard.press('Tab');
  await page.getByLabel('结束日期').fill('2027-02-10');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('与学期“2026年秋季学期”（2026-09-01 至 2027-01-31）的日期重叠');
  await shot(page, 'settings-terms-zh');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('tab', { name: '学校与活动室' }).click();
  await shot(page, 'settings-zh');

  // Switch to English: everything follows, and it is remembered.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await shot(page, 'settings-en');
  await page.getByRole('tab', { name: 'Teachers' }).click();
  await shot(page, 'settings-teachers-en');
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(page.getByRole('cell', { name: 'Teacher added' })).toBeVisible();
  await shot(page, 'settings-audit-en');
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible();
  await shot(page, 'desk-today-en');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'The desk is locked' })).toBeVisible();
  await shot(page, 'lock-en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'The desk is locked' })).toBeVisible();

  // Kiosk: a child's screen that only a teacher's PIN leaves.
  await login(page);
  await page.getByRole('button', { name: "Children's sign-in mode" }).click();
  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Welcome to the/ })).toBeVisible();
  await expect(page).toHaveURL(/#\/kiosk$/);
  await shot(page, 'kiosk-en');
  await page.getByRole('button', { name: 'Teacher exit' }).click();
  await page.getByRole('dialog').getByLabel('PIN').fill('0000');
  await page.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('Wrong PIN. 4 tries left.');
  await page.getByRole('dialog').getByLabel('PIN').fill(SETUP.admin.pin);
  await page.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(page.getByTestId('current-teacher')).toHaveText(SETUP.admin.name);

  // Back to Chinese for the kiosk screenshot in zh-CN.
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.getByRole('button', { name: '儿童签到模式' }).click();
  await page.getByRole('button', { name: '进入', exact: true }).click();
  await expect(page.getByRole('heading', { name: '欢迎来到留守儿童之家！' })).toBeVisible();
  await shot(page, 'kiosk-zh');
});

test('five wrong PINs lock that teacher for five minutes; the admin can still log in', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  app.cli('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
  await page.goto(app.url);
  await page.getByRole('option', { name: /王老师/ }).click();
  for (let left = 4; left >= 1; left--) {
    await page.getByLabel(/PIN/).fill('0000');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(page.getByRole('alert')).toHaveText(`PIN 码不正确，还可以再试 ${left} 次。`);
  }
  await page.getByLabel(/PIN/).fill('0000');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('alert')).toContainText('该教师已被锁定至');
  // The right PIN does not help while locked, and the lock shows on the teacher's tile.
  await page.getByLabel(/PIN/).fill('1357');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('alert')).toContainText('该教师已被锁定至');
  await expect(page.getByRole('option', { name: /王老师/ })).toContainText('锁定至');
  await shot(page, 'lockout-zh');

  await login(page);
  await expect(page.getByTestId('current-teacher')).toHaveText(SETUP.admin.name);
});

test('the wizard in English refuses bad input, and a second setup is refused', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'First-time setup' })).toBeVisible();
  // Suggested names follow the language until the user types their own.
  await expect(page.getByLabel('Room name')).toHaveValue("Children's Home");
  await page.getByLabel('School name').fill('校'.repeat(51));
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('At most 50 characters')).toBeVisible();
  await shot(page, 'setup-en');
  await page.getByLabel('School name').fill(SETUP.schoolName);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Last day of term').fill('2020-01-01');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('The end cannot be before the start')).toBeVisible();
  await shot(page, 'setup-term-en');

  // Meanwhile the app is set up from elsewhere: this wizard's submit is refused, nothing saved twice.
  app.cli('setup.run', SETUP);
  await page.getByLabel('Last day of term').fill('2027-01-20');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Administrator (principal) name').fill('Someone else');
  await page.getByLabel('PIN (4–8 digits)').fill('9999');
  await page.getByLabel('PIN again').fill('9999');
  await page.getByRole('button', { name: 'Finish setup' }).click();
  await expect(page.getByText('The app has already been set up.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The desk is locked' })).toBeVisible();
  const teachers = app.cli<{ name: string }[]>('teachers.list');
  expect(teachers.map((t) => t.name)).toEqual([SETUP.admin.name]);
});
