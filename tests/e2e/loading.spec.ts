import { expect, login, SEED_ADMIN, SETUP, shot, test } from './fixtures';

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
  // The desk also fetches every section's code in its idle time, one section at a time, the children's first:
  // that one is held back here until the end, so only the pointer can fetch the events section's code.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/ChildrenPage-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue().catch(() => undefined);
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
  release();
});

test('once the desk is open, it fetches every section’s code by itself, so a first visit does not wait for it', async ({ page, app }) => {
  app.cli('setup.run', SETUP);
  const fetched = new Set<string>();
  page.on('requestfinished', (r) => {
    const name = /\/(\w+Page)-[\w-]+\.js$/.exec(r.url())?.[1];
    if (name) fetched.add(name);
  });
  await page.goto(app.url);
  await login(page);
  await expect(page.getByTestId('today-room')).toBeVisible();
  // No pointer on the links, no click: the sections' code comes in the desk's idle time.
  const sections = ['ChildrenPage', 'AttendancePage', 'LibraryPage', 'CallsPage', 'BirthdaysPage', 'EventsPage', 'CarePage', 'SummaryPage', 'RotaPage', 'SettingsPage'];
  await expect.poll(() => sections.filter((s) => !fetched.has(s)), { timeout: 30_000 }).toEqual([]);
  // A child's page too: it opens from the children list.
  await expect.poll(() => fetched.has('ChildPage'), { timeout: 10_000 }).toBe(true);
  // Still on Today: fetching a section's code draws nothing.
  await expect(page.getByTestId('today-room')).toBeVisible();
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

test('a big school’s board draws the children not yet come in a window, and the search still finds anyone', async ({ page, app }) => {
  app.seed(150);
  await page.goto(app.url);
  await login(page, SEED_ADMIN.name, SEED_ADMIN.pin);
  await page.getByRole('navigation').getByRole('link', { name: '签到考勤' }).click();
  const none = page.getByTestId('board-none');
  await expect(none.locator('tbody[data-windowed]')).toBeVisible();
  const total = Number(await none.locator('.mantine-Badge-root').first().innerText());
  const drawn = await none.getByTestId('board-row').count();
  // Far more than the drawn rows are in the column: they are drawn as the page scrolls.
  expect(total).toBeGreaterThan(60);
  expect(drawn).toBeLessThan(total);
  await shot(page, 'board-windowed-zh-1366');
  // The last child of the column, found by the search and signed in by hand.
  const last = await none.evaluate(async (el) => {
    window.scrollTo(0, document.body.scrollHeight);
    await new Promise((r) => setTimeout(r, 300));
    const rows = el.querySelectorAll('[data-testid="board-row"] td:first-child');
    return rows[rows.length - 1]!.getAttribute('title')!;
  });
  await page.getByTestId('board-search').fill(last);
  await none.getByRole('button', { name: `代签到 ${last}`, exact: true }).click();
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('board-in').getByTestId('board-row').filter({ hasText: last })).toBeVisible();
});
