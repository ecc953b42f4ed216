import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, login, shot, startHost, SETUP } from './fixtures';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const NOW = '2026-11-28T09:00:00+08:00';

/** The command line against another data folder: the old PC of a school that moves. */
function cliOn<T = unknown>(dataDir: string, ...args: string[]): T {
  const r = spawnSync(tsx, ['electron/cli/main.ts', ...args, '--data', dataDir, '--now', NOW], {
    cwd: root,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cli ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

test('a new PC: the wizard restores an encrypted backup from the USB stick (wrong password first)', async ({ page, app }) => {
  test.setTimeout(180_000);
  // The old PC: set up, a second teacher, a USB stick with a password, a backup.
  const old = fs.mkdtempSync(path.join(os.tmpdir(), 'home-desk-oldpc-'));
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'home-desk-stick-'));
  try {
    cliOn(old, 'setup.run', JSON.stringify(SETUP));
    cliOn(old, 'teachers.add', JSON.stringify({ name: '王老师', role: 'teacher', pin: '1357' }));
    cliOn(old, 'backups.setSettings', JSON.stringify({ keep: { days: 7, weeks: 4, months: 12 }, secondFolder: stick, offsiteWarnDays: 7 }));
    cliOn(old, 'backups.setPassword', JSON.stringify({ password: '山里的星星2026' }));
    cliOn(old, 'backup');
    const folder = path.join(stick, 'ChildrensHomeDesk-backups');
    const file = path.join(folder, fs.readdirSync(folder).find((n) => n.endsWith('.sqlite.enc'))!);

    await page.goto(app.url);
    await page.getByTestId('setup-from-backup').click();
    await expect(page.getByTestId('setup-restore')).toBeVisible();
    await page.locator('[data-testid="setup-restore"] input[type="file"]').setInputFiles(file);
    await expect(page.getByTestId('restore-file-name')).toHaveText(path.basename(file));
    await page.getByLabel('备份密码').fill('山里的月亮2026');
    await page.getByRole('button', { name: '从这个文件恢复' }).click();
    await expect(page.getByRole('alert')).toContainText('备份密码不对');
    await shot(page, 'backup-wizard-restore-zh-CN');
    await page.getByLabel('备份密码').fill('山里的星星2026');
    await page.getByRole('button', { name: '从这个文件恢复' }).click();
    // The page reloads on the restored school: its teachers are on the lock screen.
    await expect(page.getByRole('option', { name: /王老师/ })).toBeVisible({ timeout: 30_000 });
    await login(page);
    await expect(page.getByRole('heading', { name: '今日' })).toBeVisible();
  } finally {
    fs.rmSync(old, { recursive: true, force: true });
    fs.rmSync(stick, { recursive: true, force: true });
  }
});

test('the desk: Today warns that nothing left the PC; Settings backs up and restores a backup from the list', async ({ page, app }) => {
  test.setTimeout(180_000);
  app.cli('setup.run', SETUP);
  await page.goto(app.url);
  await login(page);
  await expect(page.getByTestId('backup-warning')).toContainText('还没有备份到电脑以外的地方');
  await shot(page, 'backup-today-warning-zh-CN');
  await page.getByTestId('backup-warning-link').click();
  await expect(page.getByTestId('backup-status')).toBeVisible();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-list').locator('tbody tr')).not.toHaveCount(0);
  const rows = await page.getByTestId('backup-list').locator('tbody tr').count();
  // A teacher added after the backup is gone once the backup is restored.
  app.cli('teachers.add', { name: '赵老师', role: 'teacher', pin: '2580' });
  await shot(page, 'backup-settings-zh-CN');
  await page.getByTestId('backup-list').locator('tbody tr').first().getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('dialog')).toContainText('现在的数据会先另存为一个备份');
  await page.getByTestId('confirm-restore').click();
  await expect(page.getByRole('option', { name: /李校长/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('option', { name: /赵老师/ })).toHaveCount(0);
  await login(page);
  await page.goto(`${app.url}#/settings?tab=backup`);
  // The file as it was before the restore is in the list now too.
  await expect(page.getByTestId('backup-list')).toContainText('恢复前自动保存');
  expect(await page.getByTestId('backup-list').locator('tbody tr').count()).toBeGreaterThan(rows);
});

test('a damaged data file: a clear message, nothing written, and "restore the latest good backup"', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'home-desk-damaged-'));
  try {
    cliOn(dir, 'setup.run', JSON.stringify(SETUP));
    cliOn(dir, 'backup');
    // Pages zeroed near the start of the file, as a failing disk would leave them.
    const file = path.join(dir, 'home.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 6), 0, 4096 * 6, 4096);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(file);
    const { child, url } = await startHost(dir, NOW);
    try {
      await page.goto(url);
      await expect(page.getByTestId('damaged-screen')).toContainText('数据文件已损坏');
      await expect(page.getByTestId('damaged-screen')).toContainText('程序没有在里面写入任何内容');
      await shot(page, 'backup-damaged-zh-CN');
      expect(fs.readFileSync(file).equals(damaged)).toBe(true);
      await page.getByTestId('restore-latest').click();
      await expect(page.getByRole('option', { name: /李校长/ })).toBeVisible({ timeout: 30_000 });
      await login(page);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
