import { expect, login, SEED_ADMIN, SETUP, test } from './fixtures';

/**
 * What the teacher waits for between screens (issue 17): code fetched ahead, and no loading screen in between.
 */
test('after the PIN, Today opens without a loading screen; a section’s code is fetched when the pointer reaches its link', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  // Whether a loading placeholder (PageLoader) ever shows after Enter, recorded in the page.
  await page.addInitScript(() => {
    const w = window as unknown as { sawLoader?: boolean; loggingIn?: boolean };
    addEventListener('click', () => (w.loggingIn = true), true);
    addEventListener('keydown', () => (w.loggingIn = true), true);
    new MutationObserver(() => {
      if (w.loggingIn && document.querySelector('[data-page-loading]')) w.sawLoader = true;
    }).observe(document, { childList: true, subtree: true });
  });
  // The lock screen fetches the desk's frame and Today while the teacher picks a name and types the PIN.
  const today = page.waitForResponse(/TodayPage-[\w-]+\.js$/);
  const shell = page.waitForResponse(/Shell-[\w-]+\.js$/);
  await page.goto(app.url);
  await Promise.all([today, shell]);
  await login(page);
  await expect(page.getByTestId('today-room')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawLoader?: boolean }).sawLoader ?? false)).toBe(false);

  // Nothing of the events section has been fetched; pointing at its link fetches it, before any click.
  const link = page.getByRole('navigation').getByRole('link', { name: '活动报名' });
  const events = page.waitForRequest(/EventsPage-[\w-]+\.js$/, { timeout: 5_000 });
  await link.hover();
  await events;
  await link.click();
  await expect(page.getByRole('heading', { name: '活动报名' })).toBeVisible();
});

test('a long list’s first drawn row is as tall as the others, so a new list is drawn once', async ({ page, app }) => {
  app.seed(150);
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin);
  await page.getByRole('navigation').getByRole('link', { name: '儿童档案' }).click();
  // 150 children: more than a list draws whole, so the rows are drawn in a window under a spacer row.
  await expect(page.locator('main tbody[data-windowed]')).toBeVisible();
  // The search field has the focus (given after the first paint), so the teacher can type at once.
  await expect(page.locator('main input[placeholder]').first()).toBeFocused();
  const heights = await page.locator('main tbody[data-windowed] > tr[data-index]').evaluateAll((rows) => rows.slice(0, 5).map((r) => r.getBoundingClientRect().height));
  expect(heights).toHaveLength(5);
  // The virtualizer takes a first row that measures differently for a change of size, and draws the list again.
  expect(new Set(heights).size).toBe(1);
});
