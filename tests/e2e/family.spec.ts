import { expect, login, SETUP, shot, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test("a new record: a birth month, each parent's situation and the category they make, in Chinese and English", async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  await page.goto(app.url);
  await login(page);
  await page.getByRole('link', { name: '儿童档案', exact: true }).click();
  await page.getByRole('button', { name: '新建档案' }).click();
  await expect(page.getByRole('heading', { name: '新建档案' })).toBeVisible();
  const name = page.getByRole('textbox', { name: '姓名', exact: true }).first();
  await name.fill('冯雪');
  await expect(name).toHaveValue('冯雪');
  const birth = page.getByRole('textbox', { name: '出生日期', exact: true });
  await birth.fill('2017年12月');
  await birth.blur();
  await expect(birth).toHaveValue('2017-12');
  await page.getByRole('combobox', { name: '年级' }).click();
  await page.getByRole('option', { name: '三年级' }).click();
  await page.getByRole('textbox', { name: '班级' }).fill('1');
  await page.getByRole('combobox', { name: '父亲情况' }).click();
  await page.getByRole('option', { name: '去世' }).click();
  await page.getByRole('combobox', { name: '母亲情况' }).click();
  await page.getByRole('option', { name: '服刑在押/强制戒毒' }).click();
  await expect(page.getByText('事实无人抚养儿童')).toBeVisible();
  await page.getByRole('button', { name: '类别怎么认定' }).click();
  await expect(page.getByText(/民发〔2019〕62号/)).toBeVisible();
  await shot(page, 'child-form-family-zh');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '冯雪' })).toBeVisible();
  await expect(page.getByText('事实无人抚养儿童').first()).toBeVisible();
  await shot(page, 'child-page-family-zh');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByText('De facto unsupported')).toBeVisible();
  await shot(page, 'child-form-family-en');
});
