import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, makeCore, makeSetUpCore, SETUP, type TestCore } from '../../../tests/helpers/core.js';
import { ZHANG } from '../../../tests/fixtures/children.js';
import type { Child } from '../../../shared/domain/child.js';
import { contracts } from '../../../shared/api/index.js';
import type { BookDetail, Copy } from '../../../shared/domain/library.js';
import { write } from '../db/write.js';
import { bookQuery, matchesBook } from '../../../shared/domain/match.js';

let t: TestCore;
afterEach(() => t.cleanup());

const DAY = 86_400_000;

async function setUp(): Promise<{ zhang: Child; li: Child }> {
  t = await makeSetUpCore();
  const zhang = await t.call('children.create', ZHANG);
  const li = await t.call('children.create', { ...ZHANG, name: '李雷', birthDate: '2016-01-01', grade: 4, classNo: 1 });
  return { zhang, li };
}

async function addBook(title: string, isbn: string | null, count = 1): Promise<BookDetail> {
  const r = await t.call('library.createBook', { book: { title, isbn, author: '曹文轩' }, copies: { count } });
  return r.detail;
}

/** Moves the clock by whole days; the desk locks itself meanwhile, so sign in again. */
async function laterDays(n: number): Promise<void> {
  t.clock.set(t.clock.now() + n * DAY);
  await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin });
}

const issueOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return (err as { payload: { params?: { issues?: { path: string; message: string }[] } } }).payload.params?.issues?.[0];
  }
  return null;
};

describe('catalogue and intake', () => {
  it('checks ISBNs, converts ISBN-10 and refuses a second title with the same ISBN', async () => {
    await setUp();
    expect(await issueOf(addBook('红楼梦', '978-7-02-000220-8'))).toEqual(expect.objectContaining({ path: 'book.isbn', message: 'isbnCheck' }));
    expect(await issueOf(addBook('红楼梦', '12345'))).toEqual(expect.objectContaining({ path: 'book.isbn', message: 'isbn' }));
    const book = await addBook('红楼梦', '7-02-000220-x');
    expect(book.book.isbn).toBe('9787020002207');
    expect(await codeOf(addBook('红楼梦（另一版）', '9787020002207'))).toBe('library.duplicateIsbn');
    // The intake's lookup: the same book scanned again is found, a new one is not.
    expect(await t.call('library.isbn', { isbn: '978 7 02 000220 7' })).toMatchObject({ isbn: '9787020002207', book: { id: book.book.id } });
    expect(await t.call('library.isbn', { isbn: '9787530730218' })).toMatchObject({ book: null });
    expect(await codeOf(t.call('library.isbn', { isbn: '9787530730217' }))).toBe('input.invalid');
    expect((await t.call('library.books', {})).length).toBe(1);
  });

  it('numbers copies automatically and adds copies to a known title; books without an ISBN are fine', async () => {
    await setUp();
    const a = await addBook('草房子', '9787530730218', 2);
    expect(a.copies.map((c) => c.barcode)).toEqual(['000001', '000002']);
    const b = await addBook('班级图书角自编故事集', null);
    expect(b.copies.map((c) => c.barcode)).toEqual(['000003']);
    const more = await t.call('library.addCopies', {
      bookId: a.book.id,
      copies: { count: 1, source: 'donated', donor: '王叔叔' },
    });
    expect(more.detail.copies.map((c) => [c.barcode, c.source, c.donor])).toContainEqual(['000004', 'donated', '王叔叔']);
    expect(more.detail.book).toMatchObject({ copies: 3, available: 3, onLoan: 0 });
    const labels = await t.call('library.labels', { copyIds: more.newCopyIds });
    expect(labels).toEqual([{ copyId: more.newCopyIds[0], barcode: '000004', title: '草房子' }]);
  });

  it('finds books by title, pinyin initials, author, ISBN or accession number', async () => {
    await setUp();
    await addBook('草房子', '9787530730218');
    await addBook('青铜葵花', null);
    const titles = async (q: string) => (await t.call('library.books', { q })).map((b) => b.title);
    expect(await titles('cfz')).toEqual(['草房子']);
    expect(await titles('qingtong')).toEqual(['青铜葵花']);
    expect(await titles('房子')).toEqual(['草房子']);
    expect(await titles('曹文轩')).toHaveLength(2);
    expect(await titles('9787530730218')).toEqual(['草房子']);
    expect(await titles('000002')).toEqual(['青铜葵花']);
    expect(await titles('978-7-5307-3021-8')).toEqual(['草房子']);
    // A title is not a name: 解 reads jie here, not the surname xie.
    await addBook('解忧杂货店', null);
    expect(await titles('jyzhd')).toEqual(['解忧杂货店']);
  });

  it("the desk's in-page search finds exactly what the core's search finds (the demo school's catalogue)", async () => {
    t = makeCore();
    await t.call('setup.run', { ...SETUP, demo: true });
    const [admin] = await t.call('auth.lockList');
    await t.call('auth.login', { teacherId: admin!.id, pin: SETUP.admin.pin });
    const catalogue = await t.call('library.titles', {});
    expect(catalogue.length).toBeGreaterThan(100);
    const some = catalogue[17]!;
    const queries = ['', 'x', 'xi', 'shu', 'zh', 'cfz', 'wang', '的', '小', '房子', 'Harry', 'le', some.barcodes[0]!, some.barcodes[0]!.toLowerCase(), some.isbn ?? '9787530730218', ' 小 王 ', 'q·', '１２', 'zzzz'];
    let found = 0;
    for (const q of queries) {
      const core = (await t.call('library.books', { q, limit: 10000 })).map((b) => b.id);
      const page = catalogue.filter((b) => matchesBook(b, bookQuery(q))).map((b) => b.id);
      expect(page, `query ${JSON.stringify(q)}`).toEqual(core);
      if (core.length > 0 && core.length < catalogue.length) found++;
    }
    // Most queries narrow the list to something: the comparison is not between empty lists.
    expect(found).toBeGreaterThanOrEqual(12);
    // A category narrows the same list.
    const cat = catalogue.find((b) => b.categoryId !== null)!.categoryId!;
    expect((await t.call('library.titles', { categoryId: cat })).map((b) => b.id)).toEqual(
      catalogue.filter((b) => b.categoryId === cat).map((b) => b.id),
    );
  });

  it('keeps an editable category list; a category in use cannot be removed', async () => {
    await setUp();
    const cats = await t.call('library.categories');
    expect(cats.map((c) => c.key)).toEqual(['picture', 'fairy', 'science', 'literature', 'history', 'comics', 'study', 'other']);
    const withNew = await t.call('library.saveCategory', { name: '红色经典' });
    const red = withNew.find((c) => c.name === '红色经典')!;
    expect(await codeOf(t.call('library.saveCategory', { name: '红色经典' }))).toBe('library.duplicateCategory');
    await t.call('library.createBook', { book: { title: '小英雄雨来', categoryId: red.id }, copies: { count: 1 } });
    expect(await codeOf(t.call('library.removeCategory', { id: red.id }))).toBe('library.categoryInUse');
    const renamed = await t.call('library.saveCategory', { id: cats[0]!.id, name: '图画书' });
    expect(renamed[0]).toMatchObject({ key: null, name: '图画书' });
  });
});

describe('circulation', () => {
  it('lends by scanning, refuses over the limit, returns from whoever had it, renews once', async () => {
    const { zhang, li } = await setUp();
    await addBook('草房子', null, 3);
    const scan = await t.call('library.scan', { code: ` ${zhang.cardCode.toLowerCase()} ` });
    expect(scan).toMatchObject({ kind: 'child', borrower: { id: zhang.id, loans: [], maxLoans: 2 } });
    const first = await t.call('library.lend', { childId: zhang.id, barcode: '000001' });
    expect(first.loan).toMatchObject({ title: '草房子', lentOn: '2026-11-28', dueOn: '2026-12-12', renewals: 0 });
    // A second copy of the same title: asked first, lent when the teacher says so.
    expect(await codeOf(t.call('library.lend', { childId: zhang.id, barcode: ' 000002 ' }))).toBe('library.sameTitle');
    expect((await t.call('library.borrower', { childId: zhang.id })).loans).toHaveLength(1);
    await t.call('library.lend', { childId: zhang.id, barcode: ' 000002 ', sameTitleOk: true });
    expect(await codeOf(t.call('library.lend', { childId: zhang.id, barcode: '000003' }))).toBe('library.limitReached');
    expect(await codeOf(t.call('library.lend', { childId: li.id, barcode: '000001' }))).toBe('library.copyOnLoan');
    expect(await codeOf(t.call('library.lend', { childId: zhang.id, barcode: '000001' }))).toBe('library.alreadyLent');
    expect(await codeOf(t.call('library.lend', { childId: li.id, barcode: '999999' }))).toBe('library.unknownBarcode');
    expect(await codeOf(t.call('library.scan', { code: '999999' }))).toBe('library.unknownCode');

    const back = await t.call('library.return', { barcode: '000001' });
    expect(back.loan).toMatchObject({ childName: '张三丽', returnedOn: '2026-11-28', outcome: 'returned' });
    expect(await codeOf(t.call('library.return', { barcode: '000001' }))).toBe('library.notOnLoan');

    const open = (await t.call('library.borrower', { childId: zhang.id })).loans[0]!;
    const renewed = await t.call('library.renew', { loanId: open.id });
    expect(renewed).toMatchObject({ dueOn: '2026-12-26', renewals: 1 });
    expect(await codeOf(t.call('library.renew', { loanId: open.id }))).toBe('library.renewLimit');
  });

  it('blocks a child with an overdue book until it is back, unless a teacher overrides with a reason (audited)', async () => {
    const { zhang } = await setUp();
    await addBook('草房子', null, 3);
    await t.call('library.lend', { childId: zhang.id, barcode: '000001' });
    await laterDays(15);
    const b = await t.call('library.borrower', { childId: zhang.id });
    expect(b.overdue).toBe(1);
    expect(b.loans[0]).toMatchObject({ dueOn: '2026-12-12', daysOverdue: 1 });
    expect(await codeOf(t.call('library.lend', { childId: zhang.id, barcode: '000002' }))).toBe('library.childOverdue');
    expect(await codeOf(t.call('library.renew', { loanId: b.loans[0]!.id }))).toBe('library.renewOverdue');
    expect(await codeOf(t.call('library.lend', { childId: zhang.id, barcode: '000002', overrideReason: '  ' }))).toBe('input.invalid');
    const lent = await t.call('library.lend', { childId: zhang.id, barcode: '000002', overrideReason: '书在家里，明天带来', sameTitleOk: true });
    expect(lent.loan.overrideReason).toBe('书在家里，明天带来');
    const audit = await t.call('audit.list', {});
    expect(JSON.parse(audit.find((a) => a.action === 'library.override')?.detail ?? '{}')).toMatchObject({ childId: zhang.id, reason: '书在家里，明天带来' });
    // The override does not lift the limit, and at the limit the limit is said first.
    expect(await codeOf(t.call('library.lend', { childId: zhang.id, barcode: '000003' }))).toBe('library.limitReached');
    expect(await codeOf(t.call('library.lend', { childId: zhang.id, barcode: '000003', overrideReason: '书在家里' }))).toBe('library.limitReached');
    const overdue = await t.call('library.loans', { status: 'overdue' });
    expect(overdue.map((l) => [l.barcode, l.daysOverdue, l.grade, l.classNo])).toEqual([['000001', 1, 3, 2]]);
    await t.call('library.return', { barcode: '000001' });
    expect(await t.call('library.loans', { status: 'overdue' })).toEqual([]);
  });

  it('a lost copy closes its loan and cannot be lent; a damaged one comes back; a copy on loan cannot be withdrawn', async () => {
    const { zhang, li } = await setUp();
    const book = await addBook('草房子', null, 3);
    const [c1, c2, c3] = book.copies as [Copy, Copy, Copy];
    await t.call('library.lend', { childId: zhang.id, barcode: c1.barcode });
    await t.call('library.lend', { childId: zhang.id, barcode: c2.barcode, sameTitleOk: true });
    expect(await codeOf(t.call('library.setCopyStatus', { copyId: c1.id, status: 'withdrawn', reason: '旧了' }))).toBe('library.copyOnLoan');
    expect(await codeOf(t.call('library.setCopyStatus', { copyId: c1.id, status: 'available', reason: '还了' }))).toBe('library.copyOnLoan');
    expect(await t.call('library.setCopyStatus', { copyId: c1.id, status: 'lost', reason: '孩子说丢了' })).toMatchObject({ state: 'lost', loan: null });
    expect(await t.call('library.setCopyStatus', { copyId: c2.id, status: 'damaged', reason: '封面撕坏' })).toMatchObject({ state: 'damaged', loan: null });
    const history = await t.call('library.childHistory', { childId: zhang.id });
    expect(history.map((l) => l.outcome).sort()).toEqual(['lost', 'returned']);
    expect(await codeOf(t.call('library.lend', { childId: li.id, barcode: c1.barcode }))).toBe('library.copyLost');
    expect(await codeOf(t.call('library.lend', { childId: li.id, barcode: c2.barcode }))).toBe('library.copyDamaged');
    await t.call('library.setCopyStatus', { copyId: c3.id, status: 'withdrawn', reason: '重复' });
    expect(await codeOf(t.call('library.lend', { childId: li.id, barcode: c3.barcode }))).toBe('library.copyWithdrawn');
    await t.call('library.setCopyStatus', { copyId: c1.id, status: 'available', reason: '找到了' });
    expect((await t.call('library.lend', { childId: li.id, barcode: c1.barcode })).loan.childName).toBe('李雷');
  });

  it('a PC clock set back does not stop a return; a child with a book out cannot be deleted', async () => {
    const { zhang } = await setUp();
    await addBook('草房子', null);
    await t.call('library.lend', { childId: zhang.id, barcode: '000001' });
    expect(await codeOf(t.call('children.remove', { id: zhang.id, confirmName: '张三丽' }))).toBe('children.hasLoans');
    t.clock.set(t.clock.now() - 3_600_000);
    const back = await t.call('library.return', { barcode: '000001' });
    expect(back.loan.outcome).toBe('returned');
    await t.call('children.remove', { id: zhang.id, confirmName: '张三丽' });
  });

  it('a child who left cannot borrow', async () => {
    const { zhang } = await setUp();
    await addBook('草房子', null);
    await t.call('children.archive', { id: zhang.id, leftDate: '2026-11-28', reason: '转学' });
    expect(await codeOf(t.call('library.lend', { childId: zhang.id, barcode: '000001' }))).toBe('library.childLeft');
  });

  it('the database keeps one open loan per copy, whatever the code does', async () => {
    const { zhang, li } = await setUp();
    const book = await addBook('草房子', null);
    await t.call('library.lend', { childId: zhang.id, barcode: '000001' });
    const insert = t.core.db.prepare("INSERT INTO loans (copy_id, child_id, lent_at, lent_on, due_on) VALUES (?, ?, 0, '2026-11-28', '2026-12-12')");
    expect(() => write(t.core.db, () => insert.run(book.copies[0]!.id, li.id))).toThrow(/UNIQUE/);
    // Two desks lending the same copy at once: exactly one gets it.
    await t.call('library.return', { barcode: '000001' });
    const desk2 = t.core.openSession('desk');
    await t.call('auth.login', { teacherId: t.adminId, pin: SETUP.admin.pin }, desk2);
    const results = await Promise.allSettled([
      t.call('library.lend', { childId: li.id, barcode: '000001' }),
      t.call('library.lend', { childId: zhang.id, barcode: '000001' }, desk2),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await t.call('library.loans', {})).length).toBe(1);
  });

  it('rules come from settings and only an admin may change them', async () => {
    const { zhang } = await setUp();
    await t.call('teachers.add', { name: '王老师', role: 'teacher', pin: '1357' });
    const teachers = await t.call('auth.lockList');
    const desk2 = t.core.openSession('desk');
    await t.call('auth.login', { teacherId: teachers.find((x) => x.name === '王老师')!.id, pin: '1357' }, desk2);
    expect(await codeOf(t.call('library.setRules', { rules: { loanDays: 7, maxLoans: 3, maxRenewals: 0 } }, desk2))).toBe('api.forbidden');
    expect(await t.call('library.rules', {}, desk2)).toEqual({ loanDays: 14, maxLoans: 2, maxRenewals: 1 });
    await addBook('草房子', null, 3);
    await t.call('library.setRules', { rules: { loanDays: 7, maxLoans: 3, maxRenewals: 0 } });
    expect(await codeOf(t.call('library.setRules', { rules: { loanDays: 0, maxLoans: 3, maxRenewals: 0 } }))).toBe('input.invalid');
    const lent = await t.call('library.lend', { childId: zhang.id, barcode: '000001' });
    expect(lent.loan.dueOn).toBe('2026-12-05');
    expect(await codeOf(t.call('library.renew', { loanId: lent.loan.id }))).toBe('library.renewLimit');
    await t.call('library.lend', { childId: zhang.id, barcode: '000002', sameTitleOk: true });
    await t.call('library.lend', { childId: zhang.id, barcode: '000003', sameTitleOk: true });
  });

  it('counts a period: loans, readers, top readers and titles', async () => {
    const { zhang, li } = await setUp();
    await addBook('草房子', null, 2);
    await addBook('青铜葵花', null, 1);
    await t.call('library.lend', { childId: zhang.id, barcode: '000001' });
    await t.call('library.lend', { childId: li.id, barcode: '000002' });
    await t.call('library.return', { barcode: '000001' });
    await t.call('library.lend', { childId: zhang.id, barcode: '000003' });
    await laterDays(40);
    await t.call('library.return', { barcode: '000002' });
    await t.call('library.lend', { childId: li.id, barcode: '000001' });
    const term = await t.call('library.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(term).toMatchObject({ loans: 3, readers: 2, titles: 2 });
    expect(term.topReaders.map((r) => [r.name, r.loans])).toEqual([['张三丽', 2], ['李雷', 1]]);
    expect(term.topTitles.map((r) => [r.title, r.loans])).toEqual([['草房子', 2], ['青铜葵花', 1]]);
    expect((await t.call('library.stats', { from: '2027-01-01', to: '2027-01-31' })).loans).toBe(1);
  });

  it('kiosk sessions cannot reach the library', async () => {
    await setUp();
    const kiosk = t.core.openSession('kiosk');
    const names = Object.keys(contracts).filter((n) => n.startsWith('library.'));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(await codeOf(t.callRaw(name, {}, kiosk)), name).toBe('api.forbidden');
  });
});
