import { childInput, type ChildFields, type ChildInput } from '../../../../shared/domain/child.js';
import {
  cellText,
  checkBirthDate,
  normalizeClass,
  normalizeGender,
  normalizeGrade,
  normalizeGradeClass,
  normalizeRelation,
  type Checked,
  type Raw,
} from '../../../../shared/domain/normalize.js';
import { toFieldIssues } from '../../../../shared/api/validation.js';
import { birthAgrees, normalizeBirth, normalizeIdNumber } from '../../../../shared/domain/birth.js';
import { awayParentsOf, categoryOf, type ParentSituation } from '../../../../shared/domain/family.js';
import { normalizeFamily, normalizeSituation } from '../../../../shared/domain/familyText.js';
import type { ImportPreview, ImportRow, RowProblem } from '../../../../shared/domain/roster.js';
import { isDate1904, readWorkbook } from '../../xlsx/read.js';
import { dataRows } from '../../xlsx/rows.js';
import { rosterSheets, type RosterHeader, type RosterField } from './headers.js';

const MAX_ROWS = 5000;

export interface PreparedRow {
  row: ImportRow;
  fields: ChildFields | null;
  /** The row's cells as read, column 1 first (a refused row is written back as it came). */
  values: Raw[];
}

type Cells = Partial<Record<RosterField, Raw>>;

/** Name and birth date tell two children apart; without a birth date, name and class do. */
export function sameChildKey(name: string, birthDate: string | null, grade: number | null, classNo: number | null): string {
  return birthDate ? `${name}\u0000${birthDate}` : `${name}\u0000-\u0000${grade ?? ''}\u0000${classNo ?? ''}`;
}

function note(problems: RowProblem[], field: string, r: Checked<unknown>): void {
  if (!r.ok) problems.push({ field, message: r.issue.message, ...(r.issue.params ? { params: r.issue.params } : {}), level: 'error' });
  else if (r.warning) problems.push({ field, message: r.warning.message, ...(r.warning.params ? { params: r.warning.params } : {}), level: 'warning' });
}

/**
 * One roster row to the same `ChildInput` the form sends, then through the same schema: what the
 * preview shows is exactly what would be saved.
 */
function toChild(cells: Cells, ctx: { date1904: boolean; today: string; mentors: Map<string, number> }): {
  input: ChildInput | null;
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  const gender = normalizeGender(cells.gender);
  note(problems, 'gender', gender);
  const birth = normalizeBirth(cells.birthDate, { date1904: ctx.date1904 });
  note(problems, 'birthDate', birth);
  let birthDate = birth.ok ? birth.value : null;
  let sex = gender.ok ? gender.value : null;
  // The 身份证号 fills or confirms birth date and sex; a conflict is shown, and the ID number's is kept.
  const idNo = normalizeIdNumber(cells.idNumber);
  note(problems, 'idNumber', idNo);
  if (idNo.ok && idNo.value) {
    const id = idNo.value;
    if (birthDate && !birthAgrees(birthDate, id.birthDate)) {
      problems.push({ field: 'birthDate', message: 'idBirthConflict', params: { birth: birthDate, id: id.birthDate }, level: 'warning' });
    }
    if (sex && sex !== id.gender) problems.push({ field: 'gender', message: 'idGenderConflict', level: 'warning' });
    birthDate = id.birthDate;
    sex = id.gender;
  }
  if (birthDate) note(problems, 'birthDate', checkBirthDate(birthDate, ctx.today));

  let grade: number | null = null;
  let classNo: number | null = null;
  if (cells.gradeClass !== undefined && cellText(cells.gradeClass) !== '') {
    const gc = normalizeGradeClass(cells.gradeClass);
    note(problems, 'gradeClass', gc);
    if (gc.ok && gc.value) ({ grade, classNo } = gc.value);
  }
  if (cells.grade !== undefined) {
    const g = normalizeGrade(cells.grade);
    note(problems, 'grade', g);
    if (g.ok && g.value !== null) grade = g.value;
  }
  if (cells.classNo !== undefined) {
    // A class column may hold the whole "三年级2班".
    const both = normalizeGradeClass(cells.classNo);
    if (both.ok && both.value) ({ grade, classNo } = { grade: grade ?? both.value.grade, classNo: both.value.classNo });
    else {
      const c = normalizeClass(cells.classNo);
      note(problems, 'classNo', c);
      if (c.ok && c.value !== null) classNo = c.value;
    }
  }
  if (grade === null && !problems.some((p) => p.field === 'grade' || p.field === 'gradeClass')) {
    problems.push({ field: 'grade', message: 'required', level: 'error' });
  }
  if (classNo === null && !problems.some((p) => p.field === 'classNo' || p.field === 'gradeClass')) {
    problems.push({ field: 'classNo', message: 'required', level: 'error' });
  }

  // Each parent's own cell first (父亲情况), then the 留守类型 phrase, then the work places.
  const own = { father: normalizeSituation(cells.fatherSituation), mother: normalizeSituation(cells.motherSituation) };
  note(problems, 'fatherSituation', own.father);
  note(problems, 'motherSituation', own.mother);
  const ownFather = own.father.ok ? own.father.value : null;
  const ownMother = own.mother.ok ? own.mother.value : null;
  const family = normalizeFamily(cells.awayParents);
  // 事实无人抚养 names a category, not who is where: the parents' own cells settle it.
  if (!(family.needsParents && ownFather && ownMother)) note(problems, 'awayParents', family);
  const phrase = family.ok ? family.value : null;
  let fatherIs: ParentSituation | null = ownFather ?? phrase?.father ?? null;
  let motherIs: ParentSituation | null = ownMother ?? phrase?.mother ?? null;
  if (fatherIs === null && motherIs === null && family.ok && own.father.ok && own.mother.ok) {
    // Nothing says it: the parents' work places say who is away.
    const f = cellText(cells.fatherWorkPlace) !== '';
    const m = cellText(cells.motherWorkPlace) !== '';
    if (f || m) {
      fatherIs = f ? 'away' : 'home';
      motherIs = m ? 'away' : 'home';
    } else problems.push({ field: 'awayParents', message: 'required', level: 'error' });
  }
  // One parent's cell alone: the other is at home.
  if (fatherIs === null && motherIs !== null) fatherIs = 'home';
  if (motherIs === null && fatherIs !== null) motherIs = 'home';
  const awayParents = fatherIs && motherIs ? awayParentsOf({ father: fatherIs, mother: motherIs }) : null;

  let mentorId: number | null = null;
  const mentor = cellText(cells.mentor);
  if (mentor !== '') {
    mentorId = ctx.mentors.get(mentor) ?? null;
    if (mentorId === null) problems.push({ field: 'mentor', message: 'mentorUnknown', params: { value: mentor }, level: 'warning' });
  }

  const phones = (raw: Raw) => (raw === null || raw === undefined ? '' : cellText(raw));
  // One 父母务工地 column: it is where the away parent(s) work.
  const shared = cellText(cells.parentsWorkPlace);
  if (shared !== '') {
    if ((awayParents === 'father' || awayParents === 'both') && cellText(cells.fatherWorkPlace) === '') cells.fatherWorkPlace = shared;
    if ((awayParents === 'mother' || awayParents === 'both') && cellText(cells.motherWorkPlace) === '') cells.motherWorkPlace = shared;
  }
  const contacts: NonNullable<ChildInput['contacts']> = [];
  const father = { name: cellText(cells.fatherName), phones: phones(cells.fatherPhone), workPlace: cellText(cells.fatherWorkPlace) };
  const mother = { name: cellText(cells.motherName), phones: phones(cells.motherPhone), workPlace: cellText(cells.motherWorkPlace) };
  if (father.name || father.phones || father.workPlace) contacts.push({ role: 'father', ...father, livesWith: false });
  if (mother.name || mother.phones || mother.workPlace) contacts.push({ role: 'mother', ...mother, livesWith: false });
  const guardianName = cellText(cells.guardianName);
  const guardianPhones = phones(cells.guardianPhone);
  if (guardianName || guardianPhones) {
    contacts.push({
      role: 'guardian',
      name: guardianName,
      relation: normalizeRelation(cells.guardianRelation),
      phones: guardianPhones,
      livesWith: true,
    });
  }

  if (problems.some((p) => p.level === 'error') && (grade === null || classNo === null || fatherIs === null || motherIs === null)) {
    return { input: null, problems };
  }
  return {
    input: {
      name: cellText(cells.name),
      gender: sex ?? '',
      birthDate: birthDate ?? '',
      grade: grade ?? 0,
      classNo: classNo ?? 0,
      fatherSituation: fatherIs ?? 'home',
      motherSituation: motherIs ?? 'home',
      pupilNo: cellText(cells.pupilNo),
      idNumber: idNo.ok && idNo.value ? idNo.value.id : '',
      address: cellText(cells.address),
      mentorId,
      notes: cellText(cells.notes),
      contacts,
    },
    problems,
  };
}

/** Reads a roster file into preview rows; nothing is written. */
export async function prepareImport(
  bytes: Buffer,
  ctx: {
    today: string;
    mentors: Map<string, number>;
    exists: (name: string, birthDate: string | null, grade: number, classNo: number) => boolean;
  },
): Promise<{ headers: RosterHeader[]; rows: PreparedRow[]; skipped: ImportPreview['skipped'] }> {
  const wb = await readWorkbook(bytes);
  const headers = rosterSheets(wb);
  const date1904 = isDate1904(wb);
  const rows: PreparedRow[] = [];
  const skipped = { hidden: 0, totals: 0, empty: 0 };
  const seen = new Map<string, { sheet: string; row: number }>();
  for (const header of headers) readSheet(header, { ...ctx, date1904, rows, skipped, seen });
  return { headers, rows, skipped };
}

function readSheet(
  header: RosterHeader,
  ctx: {
    today: string;
    date1904: boolean;
    mentors: Map<string, number>;
    exists: (name: string, birthDate: string | null, grade: number, classNo: number) => boolean;
    rows: PreparedRow[];
    skipped: ImportPreview['skipped'];
    seen: Map<string, { sheet: string; row: number }>;
  },
): void {
  const { rows, skipped, seen, date1904 } = ctx;
  const ws = header.sheet;
  for (const { r, cells, cellErrors, values } of dataRows(header, skipped, MAX_ROWS - rows.length)) {
    const { input, problems } = toChild(cells, { date1904, today: ctx.today, mentors: ctx.mentors });
    problems.push(...cellErrors);
    let fields: ChildFields | null = null;
    if (input) {
      const parsed = childInput.safeParse(input);
      if (parsed.success) fields = parsed.data;
      else {
        for (const i of toFieldIssues(parsed.error)) {
          const field = i.path.startsWith('contacts.') ? contactField(i.path, input) : i.path;
          if (!problems.some((p) => p.field === field && p.level === 'error')) {
            problems.push({ field, message: i.message, ...(i.params ? { params: i.params } : {}), level: 'error' });
          }
        }
      }
    }
    const name = fields?.name ?? cellText(cells.name);
    const birthDate = fields?.birthDate ?? null;
    const twinKey = sameChildKey(name, birthDate, fields?.grade ?? null, fields?.classNo ?? null);
    let status: ImportRow['status'] = problems.some((p) => p.level === 'error') || !fields ? 'error' : 'new';
    const twin = seen.get(twinKey);
    if (status === 'new' && twin) {
      problems.push({ field: 'name', message: 'duplicateInFile', params: { row: twin.row, sheet: twin.sheet }, level: 'error' });
      status = 'error';
    }
    if (status === 'new' && fields && ctx.exists(name, birthDate, fields.grade, fields.classNo)) status = 'existing';
    if (status !== 'error') seen.set(twinKey, { sheet: ws.name, row: r });
    const guardian = fields?.contacts.find((c) => c.role === 'guardian');
    rows.push({
      row: {
        sheet: ws.name,
        row: r,
        status,
        name,
        gender: fields?.gender ?? null,
        birthDate,
        grade: fields?.grade ?? null,
        classNo: fields?.classNo ?? null,
        awayParents: fields?.awayParents ?? null,
        category: fields ? categoryOf({ father: fields.fatherSituation, mother: fields.motherSituation }, fields.birthDate, ctx.today) : null,
        guardian: guardian?.name ?? '',
        phones: fields ? fields.contacts.flatMap((c) => c.phones) : [],
        problems,
      },
      fields: status === 'new' ? fields : null,
      values,
    });
  }
}

/** `contacts.2.phones` → `guardianPhone`, so the preview names the column the teacher knows. */
function contactField(path: string, input: ChildInput): string {
  const [, index, prop] = path.split('.');
  const role = input.contacts?.[Number(index)]?.role ?? 'guardian';
  const suffix = prop === 'phones' ? 'Phone' : prop === 'workPlace' ? 'WorkPlace' : 'Name';
  return `${role}${suffix}`;
}
