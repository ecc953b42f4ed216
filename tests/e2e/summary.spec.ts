import type { Page } from '@playwright/test';
import { expect, login, printToPdf, SEED_ADMIN, shot, test } from './fixtures';
import { pdfPageToPng, pdfPages, pdfText } from '../helpers/pdf';

test.describe.configure({ timeout: 300_000 });

/** The summary's print page once its charts are drawn, as a PDF. */
async function printSummary(page: Page, name: string): Promise<string> {
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  return printToPdf(page, name);
}

/** "亲情电话 / 视频 / 书信   12 次 / 5 次 / 1 封" as printed. */
const callsLine = (text: string) => /亲情电话 \/ 视频 \/ 书信\s+(\d+) 次 \/ (\d+) 次 \/ (\d+) 封/.exec(text)?.slice(1).join('/');

test('the summary of the demo term: edit the paragraph, print, save a copy, change a record, reprint the copy unchanged', async ({ page, app }) => {
  app.seed(60);
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin);
  await page.getByTestId('today-summary').click();
  await expect(page.getByTestId('summary-figures')).toContainText('服务儿童（人）');
  const paragraph = page.getByTestId('summary-paragraph');
  await expect(paragraph).toHaveValue(/^2026年9月1日至2026年11月28日，青山镇中心小学留守儿童之家共服务儿童\d+名，其中农村留守儿童\d+名/);
  await page.getByRole('textbox', { name: '标题' }).fill('青山镇中心小学2026年秋季学期留守儿童之家工作总结');
  await paragraph.press('End');
  await paragraph.pressSequentially('下学期将继续做好亲情电话工作。');
  // The box grows with the text (CSS field-sizing): the whole paragraph shows, nothing hidden behind a scroll.
  const box = await paragraph.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, lines: el.clientHeight / parseFloat(getComputedStyle(el).lineHeight) }));
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
  expect(box.lines).toBeGreaterThan(5);
  await shot(page, 'summary-zh');

  await page.getByRole('button', { name: '打印', exact: true }).click();
  const first = await printSummary(page, 'summary');
  const text = pdfText(first);
  // The principal's title is the title; the bureau's copy carries the stamp, signature and date lines, no definitions, no names.
  expect(text).toContain('青山镇中心小学2026年秋季学期留守儿童之家工作总结');
  expect(text).not.toContain('关爱留守儿童工作总结');
  expect(text).toContain('学校（盖章）');
  expect(text).not.toContain('开放天数：至少有一名儿童签到的天数');
  expect(text).not.toContain('内部名单');
  const pages = pdfPages(first);
  expect(pages).toBeLessThanOrEqual(3);
  // Line breaks of the printed paragraph fall anywhere: compare without white space.
  const flat = (x: string) => x.replace(/\s+/g, '');
  expect(flat(text)).toContain('下学期将继续做好亲情电话工作。');
  expect(text).toContain('校长签字');
  expect(text).toContain('每周接待人次');
  const before = callsLine(text);
  expect(before).toMatch(/^\d+\/\d+\/\d+$/);
  for (let p = 1; p <= pages; p++) pdfPageToPng(first, p, 80);
  await page.getByRole('button', { name: '返回' }).click();

  // With both appendices: the definitions and the internal list of names, each on its own page.
  await page.getByLabel('附上“口径说明”附录').check();
  await page.getByLabel(/附上内部附录/).check();
  await page.getByRole('button', { name: '打印', exact: true }).click();
  const internal = await printSummary(page, 'summary-internal');
  const itext = pdfText(internal);
  expect(itext).toContain('附录一');
  expect(itext).toContain('国发〔2016〕13号');
  expect(itext).toContain('附录二');
  for (let p = 1; p <= pdfPages(internal); p++) pdfPageToPng(internal, p, 80);
  await page.getByRole('button', { name: '返回' }).click();

  await page.getByRole('textbox', { name: '标题' }).fill('2026年秋季学期（报教育局）');
  await page.getByRole('button', { name: '保存存档' }).click();
  await expect(page.getByTestId('snapshots')).toContainText('2026年秋季学期（报教育局）');
  await expect(page.getByTestId('snapshots')).toContainText('由李校长保存');

  // A record changes after the copy went to the bureau: one more call today.
  const kids = app.cli<{ id: number }[]>('children.list', { awayParents: 'both' });
  const child = app.cli<{ contacts: { id: number; role: string }[] }>('children.get', { id: kids[0]!.id });
  app.cli('calls.log', { childId: kids[0]!.id, contactId: child.contacts.find((c) => c.role === 'father')!.id, kind: 'voice', direction: 'out' });

  await page.getByRole('button', { name: '原样重印' }).click();
  const again = await printSummary(page, 'summary-reprint');
  const reprinted = pdfText(again);
  expect(flat(reprinted)).toContain('下学期将继续做好亲情电话工作。');
  expect(callsLine(reprinted)).toBe(before);
  await page.getByRole('button', { name: '返回' }).click();
  // The live figures have moved on.
  await page.reload();
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin);
  await page.getByRole('link', { name: '学期总结', exact: true }).click();
  await expect(page.getByTestId('summary-figures')).toContainText('亲情电话 / 视频 / 书信');
  const live = await page.getByTestId('summary-figures').innerText();
  const [v] = before!.split('/');
  expect(live).toContain(`${Number(v) + 1} 次 /`);
});
