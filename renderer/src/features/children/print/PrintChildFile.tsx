import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { ChildFile } from '../../../../../shared/domain/childFile.js';
import { useProcedure } from '../../../data/index.js';
import { useClassName } from '../format.js';
import { PrintPage, PrintSheet } from '../../../components/PrintPage/index.js';
import classes from '../../../components/PrintPage/PrintPage.module.css';

interface Section {
  title: string;
  headers: string[];
  rows: string[][];
}

/**
 * Table rows an A4 portrait sheet holds under its title (a row is about 7 mm at the table's 8.5pt, measured
 * on the printed PDF), and what a section's heading with its header row takes.
 */
const LINES_PER_SHEET = 36;
const SECTION_HEAD = 3;
/** Chinese characters of a long cell on one printed line (the record's value column, about 90 mm). */
const CHARS_PER_LINE = 30;

const linesOf = (row: string[]) => Math.max(1, ...row.map((c) => Math.ceil([...c].length / CHARS_PER_LINE)));

/**
 * The sections laid out on sheets: a section goes on while its rows fit and continues on the next sheet
 * under its heading again, so a long history never runs off a sheet and a short file takes one or two.
 */
function layout(sections: Section[], firstSheetUsed: number): Section[][] {
  const sheets: Section[][] = [[]];
  let used = firstSheetUsed;
  for (const s of sections) {
    let part: Section | null = null;
    const rows = s.rows.length === 0 ? [[]] : s.rows;
    for (const row of rows) {
      const need = linesOf(row) + (part ? 0 : SECTION_HEAD);
      if (used + need > LINES_PER_SHEET && (part || used > 0)) {
        sheets.push([]);
        used = 0;
        part = null;
      }
      if (!part) {
        part = { ...s, rows: [] };
        sheets.at(-1)!.push(part);
        used += SECTION_HEAD;
      }
      if (row.length > 0) part.rows.push(row);
      used += linesOf(row);
    }
  }
  return sheets;
}

function useSections(f: ChildFile | undefined): Section[] {
  const { t } = useTranslation();
  const className = useClassName();
  if (!f) return [];
  const c = f.child;
  const col = (k: string) => t(`children:file.cols.${k}`);
  const time = (ms: number | null) => (ms === null ? '' : dayjs(ms).format('YYYY-MM-DD HH:mm'));
  const hhmm = (ms: number | null) => (ms === null ? '' : dayjs(ms).format('HH:mm'));
  const yes = (b: boolean) => (b ? t('children:file.yes') : '');
  const lunar = c.lunarBirthday ? `${c.lunarBirthday.leap ? t('children:fields.lunarLeap') : ''}${c.lunarBirthday.month} / ${c.lunarBirthday.day}` : '';
  return [
    {
      title: t('children:file.sheets.record'),
      headers: [col('item'), col('value')],
      rows: [
        [t('children:fields.name'), c.name],
        [t('children:fields.gender'), c.gender ? t(`children:gender.${c.gender}`) : ''],
        [t('children:fields.birthDate'), c.birthDate ?? ''],
        [t('children:fields.lunar'), lunar],
        [col('nextBirthday'), f.birthdays.next ?? ''],
        [t('children:fields.grade'), className(c.grade, c.classNo)],
        [t('children:fields.status'), t(`children:status.${c.status}`) + (c.leftDate ? ` · ${c.leftDate} · ${c.leftReason}` : '')],
        [t('children:fields.category'), t(`children:category.${c.category}`)],
        [t('children:fields.fatherSituation'), t(`children:situation.${c.fatherSituation}`)],
        [t('children:fields.motherSituation'), t(`children:situation.${c.motherSituation}`)],
        [t('children:fields.address'), c.address],
        [t('children:fields.mentor'), c.mentorName ?? ''],
        [t('children:fields.notes'), c.notes],
        [t('children:fields.cardCode'), c.cardCode],
        [col('missing'), c.missing.map((m) => t(`children:missing.${m}`)).join(t('rota:listSep'))],
        [col('createdAt'), time(c.createdAt)],
        [col('updatedAt'), time(c.updatedAt)],
      ],
    },
    {
      title: t('children:file.sheets.contacts'),
      headers: [t('children:fields.role'), t('children:fields.contactName'), t('children:fields.relation'), t('children:columns.phone'), t('children:fields.workPlace'), t('children:fields.livesWith')],
      rows: c.contacts.map((x) => [
        t(`children:roles.${x.role}`),
        x.name,
        x.relation ? t(`children:relations.${x.relation}`) : '',
        x.phones.join(' / '),
        x.workPlace,
        yes(x.livesWith),
      ]),
    },
    {
      title: t('children:file.sheets.visits'),
      headers: [col('day'), col('inAt'), col('outAt'), col('inBy'), col('outBy'), col('notSignedOut')],
      rows: f.visits.map((v) => [v.day, hhmm(v.inAt), hhmm(v.outAt), t(`attendance:by.${v.inBy}`), v.outBy ? t(`attendance:by.${v.outBy}`) : '', yes(v.notSignedOut)]),
    },
    {
      title: t('children:file.sheets.calls'),
      headers: [col('at'), col('withRole'), col('withName'), col('kind'), col('direction'), col('duration'), col('note'), col('teacher')],
      rows: f.calls.map((k) => [
        time(k.at),
        t(`children:roles.${k.withRole}`),
        k.withName,
        t(`calls:kinds.${k.kind}`),
        t(`calls:directions.${k.direction}`),
        k.seconds === null ? '' : String(Math.round(k.seconds / 6) / 10),
        k.note,
        k.teacherName ?? '',
      ]),
    },
    {
      title: t('children:file.sheets.loans'),
      headers: [col('barcode'), col('title'), col('lentOn'), col('dueOn'), col('renewals'), col('returnedOn'), col('outcome')],
      rows: f.loans.map((l) => [l.barcode, l.title, l.lentOn, l.dueOn, String(l.renewals), l.returnedOn ?? '', t(`children:file.outcome.${l.outcome ?? 'out'}`)]),
    },
    {
      title: t('children:file.sheets.events'),
      headers: [col('event'), col('startsAt'), col('eventStatus'), col('status'), col('signedBy'), col('signedAt'), col('attended')],
      rows: f.events.map((e) => [
        e.title,
        time(e.startsAt),
        t(`events:statuses.${e.eventStatus}`),
        t(`children:file.signup.${e.status}`),
        t(`events:by.${e.signedBy}`),
        time(e.signedAt),
        `${e.attended}/${e.sessions}`,
      ]),
    },
    {
      title: t('children:file.sheets.birthdays'),
      headers: [col('party'), col('heldOn')],
      rows: f.birthdays.parties.map((p) => [p.month, p.heldOn]),
    },
  ];
}

/** One child's whole file on A4, for a guardian who asks (admin only; fetching it for print is audited). */
export function PrintChildFile() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const id = Number(search.get('id'));
  const file = useProcedure('children.file', { id }, { enabled: id > 0, staleTime: Infinity });
  const f = file.data;
  const sections = useSections(f);
  const title = f ? `${f.school}${t('children:file.title', { name: f.child.name })}` : '';
  const madeAt = f ? t('children:file.madeAt', { time: dayjs(f.madeAt).format('YYYY-MM-DD HH:mm') }) : '';
  // The notice under the first sheet's title takes a line.
  const sheets = layout(sections, 1);
  const table = (s: Section): ReactNode => (
    <section key={s.title} style={{ marginBottom: '4mm' }} data-testid="file-section">
      <h2 style={{ fontSize: '11pt', margin: '0 0 1.5mm' }}>{s.title}</h2>
      <table className={classes.table}>
        <thead>
          <tr>
            {s.headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.rows.length === 0 ? (
            <tr>
              <td colSpan={s.headers.length}>{t('children:file.none')}</td>
            </tr>
          ) : (
            s.rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) => (
                  <td key={j} style={{ whiteSpace: 'pre-wrap' }}>{cell}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
  return (
    <PrintPage fileName={`${f?.child.name ?? ''}-完整档案.pdf`} orientation="portrait" ready={file.isSuccess} error={file.error}>
      {f &&
        sheets.map((sheet, p) => (
          <PrintSheet orientation="portrait" key={p}>
            <div className={classes.head}>
              <h1>{title}</h1>
              <span>{`${madeAt} · ${t('children:print.page', { page: p + 1 })}`}</span>
            </div>
            {p === 0 && <p style={{ fontSize: '9pt', margin: '0 0 3mm' }}>{t('children:file.notice')}</p>}
            {sheet.map(table)}
          </PrintSheet>
        ))}
    </PrintPage>
  );
}
