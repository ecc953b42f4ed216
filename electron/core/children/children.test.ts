import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeCore, makeSetUpCore, SETUP, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import { matchesName, nameQuery } from '../../../shared/domain/match.js';

let t: TestCore;
afterEach(() => t.cleanup());


describe('child records', () => {
  it('stores a normalized record with its family, search keys and a card code without personal data', async () => {
    t = await makeSetUpCore();
    const c = await t.call('children.create', ZHANG);
    expect(c).toMatchObject({ name: '张三丽', birthDate: '2016-05-12', grade: 3, classNo: 2, status: 'active' });
    expect(c.contacts.map((x) => [x.role, x.phones])).toEqual([
      ['father', ['13800138000']],
      ['mother', ['13900139000']],
      ['guardian', ['13700137000', '0851-2345678']],
    ]);
    expect(c.cardCode).toMatch(/^C[0-9A-Z]{10}$/);
    expect(c.cardCode).not.toContain('2016');
    // Incomplete only for lack of a mentor (a left-behind child needs one).
    expect(c.missing).toEqual(['mentor']);
  });

  it('finds children by Chinese, full pinyin or initials, polyphonic surnames read as surnames', async () => {
    t = await makeSetUpCore();
    for (const name of ['张三丽', '曾小明', '单田芳', '解放', '欧阳娜娜', '陳大文', '陈小文']) {
      await t.call('children.create', { ...ZHANG, name, birthDate: '' });
    }
    const names = async (q: string) => (await t.call('children.list', { q })).map((c) => c.name).sort();
    expect(await names('zsl')).toEqual(['张三丽']);
    expect(await names('zhangsanli')).toEqual(['张三丽']);
    expect(await names('张三')).toEqual(['张三丽']);
    expect(await names('zeng')).toEqual(['曾小明']);
    expect(await names('shantianfang')).toEqual(['单田芳']);
    expect(await names('xief')).toEqual(['解放']);
    expect(await names('oynn')).toEqual(['欧阳娜娜']);
    expect(await names('chen')).toEqual(['陈小文', '陳大文'].sort());
    expect(await names('ZSL ')).toEqual(['张三丽']);
  });

  it("the desk's in-page search finds exactly the children the core's search finds (the demo school)", async () => {
    t = makeCore();
    await t.call('setup.run', { ...SETUP, demo: true });
    const [admin] = await t.call('auth.lockList');
    await t.call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin });
    const all = await t.call('children.list', { status: 'all', limit: 5000 });
    expect(all.length).toBeGreaterThan(100);
    const one = all[23]!;
    const queries = ['', 'z', 'zh', 'zhang', 'w', 'li', 'x', 'xiao', 'yang', one.name, one.name.slice(1), one.searchInitials, one.searchFull.slice(2, 6), '王', ' Li ', '·', 'qqq'];
    let narrowed = 0;
    for (const q of queries) {
      const core = (await t.call('children.list', { q, status: 'all', limit: 5000 })).map((c) => c.id);
      const page = all.filter((c) => matchesName(c, nameQuery(q))).map((c) => c.id);
      expect(page, `query ${JSON.stringify(q)}`).toEqual(core);
      if (core.length > 0 && core.length < all.length) narrowed++;
    }
    // Most queries narrow the list to some children: the comparison is not between empty lists.
    expect(narrowed).toBeGreaterThanOrEqual(12);
  });

  it('keeps two children with the same name apart by class and birth date', async () => {
    t = await makeSetUpCore();
    await t.call('children.create', { ...ZHANG, name: '张伟', birthDate: '2016-01-10', grade: 4 });
    await t.call('children.create', { ...ZHANG, name: '张伟', birthDate: '2017-02-11', grade: 3, classNo: 1 });
    const list = await t.call('children.list', { q: 'zw' });
    expect(list.map((c) => [c.name, c.grade, c.classNo, c.birthDate, c.sameName])).toEqual([
      ['张伟', 3, 1, '2017-02-11', 2],
      ['张伟', 4, 2, '2016-01-10', 2],
    ]);
  });

  it('filters by grade, class, away parents, status and incomplete records', async () => {
    t = await makeSetUpCore();
    await t.call('children.create', ZHANG);
    await t.call('children.create', { ...ZHANG, name: '李雷', grade: 5, classNo: 1, awayParents: 'none', contacts: [] });
    const count = async (f: object) => (await t.call('children.list', f)).length;
    expect(await count({ grade: 3 })).toBe(1);
    expect(await count({ grade: 5, classNo: 1 })).toBe(1);
    expect(await count({ awayParents: 'both' })).toBe(1);
    expect(await count({ incomplete: true })).toBe(2);
    expect(await count({ status: 'left' })).toBe(0);
  });

  it('refuses bad input with field issues and saves nothing', async () => {
    t = await makeSetUpCore();
    const bad = async (child: object) => {
      const r = await t.core.call(t.desk, 'children.create', child);
      return r.ok ? [] : ((r.error.params?.issues ?? [r.error.code]) as { path: string; message: string }[]);
    };
    expect(await bad({ ...ZHANG, name: ' \u3000 ' })).toEqual([{ path: 'name', message: 'required' }]);
    expect(await bad({ ...ZHANG, name: '张'.repeat(500) })).toEqual([{ path: 'name', message: 'tooLong', params: { max: 30 } }]);
    expect(await bad({ ...ZHANG, birthDate: '2015-02-30' })).toEqual([{ path: 'birthDate', message: 'date' }]);
    expect(await bad({ ...ZHANG, birthDate: '2030-01-01' })).toEqual([{ path: 'birthDate', message: 'birthFuture' }]);
    expect(await bad({ ...ZHANG, birthDate: '1996-01-01' })).toEqual([{ path: 'birthDate', message: 'birthAge', params: { age: 30 } }]);
    expect(await bad({ ...ZHANG, grade: 7 })).toEqual([{ path: 'grade', message: 'grade', params: { max: 6 } }]);
    expect(
      await bad({ ...ZHANG, contacts: [{ role: 'guardian', name: '王奶奶', phones: '8512345678' }] }),
    ).toEqual([{ path: 'contacts.0.phones', message: 'phoneLostZero', params: { value: '8512345678' } }]);
    expect(await bad({ ...ZHANG, notes: 'x'.repeat(100_000) })).toEqual([{ path: 'notes', message: 'tooLong', params: { max: 2000 } }]);
    expect(await t.call('children.list', {})).toEqual([]);
  });

  it('stores markup, quotes and SQL-looking text as typed', async () => {
    t = await makeSetUpCore();
    const c = await t.call('children.create', {
      ...ZHANG,
      name: "王'芳",
      notes: '<img src=x onerror=alert(1)>\'); DROP TABLE children;--',
    });
    expect((await t.call('children.get', { id: c.id })).notes).toBe("<img src=x onerror=alert(1)>'); DROP TABLE children;--");
    expect(c.name).toBe("王'芳");
  });

  it('edits, archives and restores with an audit row each, naming fields but no personal data', async () => {
    t = await makeSetUpCore();
    const c = await t.call('children.create', ZHANG);
    await t.call('children.update', { id: c.id, child: { ...ZHANG, grade: 4, mentorId: t.adminId } });
    const left = await t.call('children.archive', { id: c.id, leftDate: '2026-11-20', reason: '转学' });
    expect(left).toMatchObject({ status: 'left', leftDate: '2026-11-20', leftReason: '转学' });
    expect(await codeOf(t.call('children.archive', { id: c.id, leftDate: '2026-11-21', reason: '转学' }))).toBe('children.alreadyLeft');
    await t.call('children.restore', { id: c.id });
    const rows = (await t.call('audit.list', { limit: 10 })).filter((a) => a.entity === 'child');
    expect(rows.map((a) => a.action).reverse()).toEqual(['children.create', 'children.update', 'children.archive', 'children.restore']);
    expect(JSON.parse(rows.find((a) => a.action === 'children.update')!.detail!)).toEqual({ fields: ['grade', 'mentorId'] });
    // The stored rows keep no personal data; the list names the child only while the record exists.
    expect(JSON.stringify(rows.map(({ subject: _subject, ...stored }) => stored))).not.toContain('张');
    expect(rows.every((a) => a.subject === '张三丽')).toBe(true);
  });

  it('deletes only for an admin who types the name, and leaves no trace of the child in the file', async () => {
    t = await makeSetUpCore();
    const c = await t.call('children.create', { ...ZHANG, name: '独特的名字' });
    const wang = await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const s = t.core.openSession('desk');
    await t.call('auth.login', { teacherId: wang.id, pin: '1357' }, s);
    expect(await codeOf(t.call('children.remove', { id: c.id, confirmName: '独特的名字' }, s))).toBe('api.forbidden');
    expect(await codeOf(t.call('children.remove', { id: c.id, confirmName: '别的名字' }))).toBe('children.confirmName');
    await t.call('children.remove', { id: c.id, confirmName: '独特的名字' });
    expect(await codeOf(t.call('children.get', { id: c.id }))).toBe('children.notFound');
    expect(t.core.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    expect(t.core.db.pragma('secure_delete', { simple: true })).toBe(1);
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = fs.readFileSync(path.join(t.dataDir, 'home.sqlite'));
    const wal = fs.existsSync(path.join(t.dataDir, 'home.sqlite-wal')) ? fs.readFileSync(path.join(t.dataDir, 'home.sqlite-wal')) : Buffer.alloc(0);
    expect(file.includes(Buffer.from('独特的名字'))).toBe(false);
    expect(wal.includes(Buffer.from('独特的名字'))).toBe(false);
  });

  it('computes 建档率 overall, by grade and by missing field', async () => {
    t = await makeSetUpCore();
    await t.call('children.create', { ...ZHANG, mentorId: t.adminId });
    await t.call('children.create', { ...ZHANG, name: '李雷', grade: 5, contacts: [] });
    const c = await t.call(
      'children.completeness',
    );
    expect(c).toMatchObject({ total: 2, complete: 1, rate: 0.5 });
    expect(c.byGrade).toEqual([
      { grade: 3, total: 1, complete: 1, rate: 1 },
      { grade: 5, total: 1, complete: 0, rate: 0 },
    ]);
    expect(c.byField).toMatchObject({ guardian: 1, livesWith: 1, fatherPhone: 1, motherPhone: 1, mentor: 1 });
  });
});

describe('demo school', () => {
  it('the first-run wizard can fill a new database with 150 made-up children', async () => {
    t = makeCore();
    await t.call('setup.run', { ...SETUP, demo: true });
    const [admin] = await t.call('auth.lockList');
    await t.call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin });
    const list = await t.call('children.list', {});
    expect(list).toHaveLength(150);
    expect(new Set(list.map((c) => c.grade))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(list.filter((c) => c.awayParents !== 'none').length).toBeGreaterThan(100);
    const completeness = await t.call('children.completeness');
    expect(completeness.rate).toBeGreaterThan(0.5);
    expect(completeness.rate).toBeLessThan(1);
  });
});
