import type { Child } from '../../../../shared/domain/child.js';
import { ZH } from '../../xlsx/labels.js';
import { safeText } from '../../xlsx/safeText.js';
import { newWorkbook, writeHeader, writeTitle, xlsxBytes } from '../../xlsx/workbook.js';

/** The county's 台账 columns, in its order. */
export const REGISTER_HEADERS = [
  '序号', '姓名', '性别', '出生年月', '年级班级', '类别', '学籍号',
  '父亲姓名', '父亲情况', '父亲务工地', '父亲电话',
  '母亲姓名', '母亲情况', '母亲务工地', '母亲电话',
  '监护人', '与儿童关系', '监护人电话', '家庭住址', '结对教师',
] as const;

const GRADE = ['', '一', '二', '三', '四', '五', '六'];
const L = ZH.children;

/** 2018.03 as 台账 write 出生年月 (a known day is still written to the month: the column is 年月). */
const birthMonth = (b: string | null) => (b ? `${b.slice(0, 4)}.${b.slice(5, 7)}` : '');

/**
 * The left-behind register (台账) for the county: every child of the given categories, one row each, in the county's
 * columns. The 类别 column names the category by its official name (categoryOf, shared/domain/family.ts).
 */
export async function writeRegister(children: readonly Child[], title: string, note: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('台账');
  writeTitle(ws, title, { mergeTo: REGISTER_HEADERS.length, center: true });
  writeHeader(ws, 2, [...REGISTER_HEADERS], { shaded: true, frozen: true });
  children.forEach((c, i) => {
    const role = (r: 'father' | 'mother') => c.contacts.find((x) => x.role === r);
    const guardian = c.contacts.find((x) => x.role === 'guardian' && x.livesWith) ?? c.contacts.find((x) => x.role === 'guardian');
    const f = role('father');
    const m = role('mother');
    const text = (s: string | null | undefined) => (s ? safeText(s) : null);
    ws.getRow(i + 3).values = [
      i + 1,
      text(c.name),
      c.gender ? L.gender[c.gender] : null,
      birthMonth(c.birthDate),
      `${GRADE[c.grade]}年级${c.classNo}班`,
      L.category[c.category],
      text(c.pupilNo),
      text(f?.name),
      L.situation[c.fatherSituation],
      text(f?.workPlace),
      text(f?.phones.join('/')),
      text(m?.name),
      L.situation[c.motherSituation],
      text(m?.workPlace),
      text(m?.phones.join('/')),
      text(guardian?.name),
      guardian?.relation ? L.relations[guardian.relation] : null,
      text(guardian?.phones.join('/')),
      text(c.address),
      text(c.mentorName),
    ];
  });
  ws.getRow(children.length + 4).values = [note];
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 6 : [18].includes(i) ? 28 : 12;
  });
  return xlsxBytes(wb);
}
