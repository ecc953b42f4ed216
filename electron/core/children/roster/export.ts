import type { PrintCard } from '../../../../shared/domain/roster.js';
import { AWAY_LABEL, ZH } from '../../xlsx/labels.js';
import { safeText } from '../../xlsx/safeText.js';
import { newWorkbook, writeHeader, writeHelpSheet, writeTitle, xlsxBytes, type Worksheet } from '../../xlsx/workbook.js';
import { rosterFields, TEMPLATE_HEADERS, type RosterField } from './headers.js';

// Not the screens' words (ZH.children.relations): the shorter 兄姐 earlier exports wrote (the import reads both).
const RELATION: Record<string, string> = {
  grandfatherPaternal: '爷爷',
  grandmotherPaternal: '奶奶',
  grandfatherMaternal: '外公',
  grandmotherMaternal: '外婆',
  father: '父亲',
  mother: '母亲',
  uncle: '叔伯舅',
  aunt: '姑姨婶',
  sibling: '兄姐',
  other: '其他',
};

/** The template's columns: every roster field but the alternative forms the import also reads. */
const COLUMNS: RosterField[] = rosterFields.filter((f) => f !== 'gradeClass' && f !== 'notes' && f !== 'parentsWorkPlace');

function headerRow(ws: Worksheet, title: string | null): number {
  let row = 1;
  if (title) {
    writeTitle(ws, title, { mergeTo: COLUMNS.length + 1, center: true });
    row = 2;
  }
  writeHeader(ws, row, ['序号', ...COLUMNS.map((c) => TEMPLATE_HEADERS[c])], { shaded: true, frozen: true });
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 6 : [16, 17, 1].includes(i) ? 28 : 13;
  });
  return row;
}

function values(c: PrintCard): Record<RosterField, string | number | null> {
  return {
    name: c.name,
    gender: c.gender ? ZH.children.gender[c.gender] : null,
    birthDate: c.birthDate,
    grade: c.grade,
    classNo: c.classNo,
    gradeClass: null,
    awayParents: AWAY_LABEL[c.awayParents],
    fatherName: c.father?.name ?? null,
    fatherPhone: c.father?.phones.join('/') ?? null,
    fatherWorkPlace: c.father?.workPlace ?? null,
    motherName: c.mother?.name ?? null,
    motherPhone: c.mother?.phones.join('/') ?? null,
    motherWorkPlace: c.mother?.workPlace ?? null,
    guardianName: c.guardian?.name ?? null,
    guardianRelation: c.guardian?.relation ? (RELATION[c.guardian.relation] ?? null) : null,
    guardianPhone: c.guardian?.phones.join('/') ?? null,
    address: c.address,
    mentor: c.mentorName,
    notes: null,
    parentsWorkPlace: null,
    // The ID number is never written out: it is kept (when at all) only to check the record.
    idNumber: null,
    pupilNo: c.pupilNo,
    fatherSituation: ZH.children.situation[c.fatherSituation],
    motherSituation: ZH.children.situation[c.motherSituation],
  };
}

/** The roster (花名册) as .xlsx, in the template's columns so it can be imported again. */
export async function writeRoster(children: readonly PrintCard[], title: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('花名册');
  const first = headerRow(ws, title) + 1;
  children.forEach((c, i) => {
    const row = ws.getRow(first + i);
    const v = values(c);
    row.getCell(1).value = i + 1;
    COLUMNS.forEach((field, j) => {
      const value = v[field];
      // Everything but the two small numbers is text: phones keep their digits, dates their form.
      row.getCell(j + 2).value = value === null || value === '' ? null : typeof value === 'number' ? value : safeText(value);
    });
  });
  return xlsxBytes(wb);
}

/** An empty roster to fill in, with a second sheet explaining each column. */
export async function writeTemplate(): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('花名册');
  headerRow(ws, null);
  for (let r = 2; r <= 300; r++) ws.getCell(r, 4).numFmt = 'yyyy-mm-dd';
  writeHelpSheet(wb, [
    ['列', '怎么填'],
    ['姓名', '必填。少数民族姓名中间的点写“·”。'],
    ['性别', '男 / 女（也可写 M/F、1/2）'],
    ['出生日期', '2015-03-05，也可写 2015.3.5、2015年3月5日、20150305，或 Excel 日期；只知年月时写 2015.03、2015年3月'],
    ['年级、班级', '必填。年级写 三年级 或 3；班级写 2班、(2)班 或 2。也可用一列“年级班级”写 三年级2班'],
    ['留守类型', '父母均外出 / 单亲外出（父） / 单亲外出（母） / 父外出母在家 / 孤儿 / 非留守；父亲状况、母亲状况两列写了时以它们为准'],
    ['父亲状况、母亲状况', '在家 / 外出务工 / 去世 / 失联 / 重病 / 重残 / 服刑在押 / 无监护能力：类别（农村留守儿童、单亲外出、事实无人抚养儿童）由此认定'],
    ['身份证号', '选填。18 位，用来核对出生日期和性别；是否保存由“设置”决定，默认不保存'],
    ['学籍号', '选填，会保存'],
    ['电话', '手机 11 位；座机带区号，如 0851-2345678；两个号码用 / 隔开'],
    ['务工地', '外出务工父母所在的城市，如 广东东莞'],
    ['与监护人关系', '爷爷、奶奶、外公、外婆、叔叔、姑姑……'],
    ['帮扶教师', '本程序中教师的姓名'],
    ['说明', '同一名儿童（姓名和出生日期相同）再次导入时不会重复创建。'],
  ], [14, 80]);
  return xlsxBytes(wb);
}
