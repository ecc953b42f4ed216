import dayjs from 'dayjs';
import type { ChildFile } from '../../../shared/domain/childFile.js';
import { ZH } from '../xlsx/labels.js';
import { safeText } from '../xlsx/safeText.js';
import { newWorkbook, writeHeader, writeTitle, xlsxBytes, type Workbook } from '../xlsx/workbook.js';

const L = ZH.children;
const F = L.file;
const C = F.cols;
const time = (ms: number | null) => (ms === null ? '' : dayjs(ms).format('YYYY-MM-DD HH:mm'));
const hhmm = (ms: number | null) => (ms === null ? '' : dayjs(ms).format('HH:mm'));
const GRADE = ['', '一', '二', '三', '四', '五', '六'];
type Cell = string | number;
// Every text cell is written as safe text: a name or note starting with = + - @ never runs as a formula.
const cell = (v: Cell): Cell => (typeof v === 'string' ? safeText(v) : v);

/** A sheet with the file's title, a header row and one line per row; an empty part says so. */
function sheet(wb: Workbook, name: string, title: string, header: readonly string[], rows: readonly (readonly Cell[])[], widths: readonly number[]) {
  const ws = wb.addWorksheet(name);
  writeTitle(ws, title);
  writeHeader(ws, 2, header, { frozen: true });
  if (rows.length === 0) ws.getCell(3, 1).value = F.none;
  rows.forEach((r, i) => {
    ws.getRow(i + 3).values = r.map(cell);
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** One child's whole file as .xlsx: one sheet per part, Chinese headers whatever the UI's language. */
export async function writeChildFile(f: ChildFile): Promise<Buffer> {
  const wb = await newWorkbook();
  const c = f.child;
  const title = `${f.school}${F.title.replace('{{name}}', c.name)}`;
  const lunar = c.lunarBirthday ? `${c.lunarBirthday.leap ? L.fields.lunarLeap : ''}${c.lunarBirthday.month}月${c.lunarBirthday.day}日` : '';
  sheet(
    wb,
    F.sheets.record,
    title,
    [C.item, C.value],
    [
      [L.fields.name, c.name],
      [L.fields.gender, c.gender ? L.gender[c.gender] : ''],
      [L.fields.birthDate, c.birthDate ?? ''],
      [L.fields.lunar, lunar],
      [C.nextBirthday, f.birthdays.next ?? ''],
      [L.fields.grade, `${GRADE[c.grade]}年级${c.classNo}班`],
      [L.fields.status, L.status[c.status]],
      [L.fields.leftDate, c.leftDate ?? ''],
      [L.fields.leftReason, c.leftReason],
      [L.fields.category, L.category[c.category]],
      [L.fields.fatherSituation, L.situation[c.fatherSituation]],
      [L.fields.motherSituation, L.situation[c.motherSituation]],
      [L.fields.pupilNo, c.pupilNo],
      [L.fields.address, c.address],
      [L.fields.mentor, c.mentorName ?? ''],
      [L.fields.notes, c.notes],
      [L.fields.cardCode, c.cardCode],
      [C.missing, c.missing.map((m) => L.missing[m]).join('、')],
      [C.createdAt, time(c.createdAt)],
      [C.updatedAt, time(c.updatedAt)],
      [F.madeAt.replace('{{time}}', ''), time(f.madeAt)],
    ],
    [18, 60],
  );
  sheet(
    wb,
    F.sheets.contacts,
    title,
    [L.fields.role, L.fields.contactName, L.fields.relation, L.columns.phone, L.fields.workPlace, L.fields.livesWith],
    c.contacts.map((x) => [L.roles[x.role], x.name, x.relation ? L.relations[x.relation] : '', x.phones.join(' / '), x.workPlace, x.livesWith ? F.yes : '']),
    [12, 12, 12, 30, 20, 12],
  );
  const by = ZH.attendance.by;
  sheet(
    wb,
    F.sheets.visits,
    title,
    [C.day, C.inAt, C.outAt, C.inBy, C.outBy, C.notSignedOut],
    f.visits.map((v) => [v.day, hhmm(v.inAt), hhmm(v.outAt), by[v.inBy], v.outBy ? by[v.outBy] : '', v.notSignedOut ? F.yes : '']),
    [12, 8, 8, 10, 10, 10],
  );
  const calls = ZH.calls;
  sheet(
    wb,
    F.sheets.calls,
    title,
    [C.at, C.withRole, C.withName, C.kind, C.direction, C.duration, C.note, C.teacher],
    f.calls.map((k) => [
      time(k.at),
      L.roles[k.withRole],
      k.withName,
      calls.kinds[k.kind],
      calls.directions[k.direction],
      k.seconds === null ? '' : Math.round(k.seconds / 6) / 10,
      k.note,
      k.teacherName ?? '',
    ]),
    [17, 10, 10, 8, 14, 12, 40, 10],
  );
  sheet(
    wb,
    F.sheets.loans,
    title,
    [C.barcode, C.title, C.lentOn, C.dueOn, C.renewals, C.returnedOn, C.outcome],
    f.loans.map((l) => [l.barcode, l.title, l.lentOn, l.dueOn, l.renewals, l.returnedOn ?? '', F.outcome[l.outcome ?? 'out']]),
    [10, 30, 12, 12, 10, 12, 10],
  );
  sheet(
    wb,
    F.sheets.events,
    title,
    [C.event, C.startsAt, C.eventStatus, C.status, C.signedBy, C.signedAt, C.attended],
    f.events.map((e) => [e.title, time(e.startsAt), ZH.events.statuses[e.eventStatus], F.signup[e.status], ZH.events.by[e.signedBy], time(e.signedAt), `${e.attended}/${e.sessions}`]),
    [30, 17, 10, 10, 10, 17, 12],
  );
  sheet(
    wb,
    F.sheets.birthdays,
    title,
    [C.party, C.heldOn],
    f.birthdays.parties.map((p) => [p.month, p.heldOn]),
    [22, 14],
  );
  return xlsxBytes(wb);
}
