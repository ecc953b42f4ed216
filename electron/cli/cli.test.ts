import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir, SETUP } from '../../tests/helpers/core.js';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const data = tempDataDir('home-desk-cli-');
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(tsx, ['electron/cli/main.ts', ...args, '--data', data], { cwd: root, encoding: 'utf8' });
}

describe('command line', () => {
  // Each case starts tsx several times: give it room on a busy machine.
  it('runs procedures as admin against a data folder and prints JSON', { timeout: 90_000 }, () => {
    expect(cli('setup.run', JSON.stringify(SETUP)).status).toBe(0);
    const added = cli('teachers.add', JSON.stringify({ name: '王老师', role: 'teacher', pin: '1357' }));
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: '王老师', role: 'teacher', active: true });
    const list = JSON.parse(execFileSync(tsx, ['electron/cli/main.ts', 'teachers.list', '--data', data], { cwd: root, encoding: 'utf8' }));
    expect(list.map((x: { name: string }) => x.name).sort()).toEqual(['李校长', '王老师'].sort());
  });

  it('prints the error code and exits 1 on bad input, 2 on input that is not JSON', { timeout: 90_000 }, () => {
    const bad = cli('teachers.add', JSON.stringify({ name: '赵老师', role: 'teacher', pin: '1' }));
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'input.invalid' } });
    expect(cli('teachers.add', '{oops').status).toBe(2);
  });

  it('takes a backup and restores it (close the app first)', { timeout: 120_000 }, () => {
    const taken = cli('backup');
    expect(taken.status).toBe(0);
    const { file, rows } = JSON.parse(taken.stdout) as { file: string; rows: Record<string, number> };
    expect(fs.existsSync(file)).toBe(true);
    expect(cli('teachers.add', JSON.stringify({ name: '钱老师', role: 'teacher', pin: '2580' })).status).toBe(0);
    const restored = cli('restore', file);
    expect(restored.status).toBe(0);
    expect(JSON.parse(restored.stdout).rows.teachers).toBe(rows.teachers);
    const missing = cli('restore', path.join(data, 'nothing-here.sqlite'));
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'backup.notFound' } });
  });
});
