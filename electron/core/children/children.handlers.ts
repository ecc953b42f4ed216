import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import type { Child } from '../../../shared/domain/child.js';
import type { ImportPreview, PrintCard } from '../../../shared/domain/roster.js';
import type { Db } from '../db/open.js';
import { write } from '../db/write.js';
import type { CallContext, HandlerTable } from '../context.js';
import type { ChildrenService } from './children.service.js';
import { createTeachersRepo } from '../teachers/teachers.repo.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';
import { prepareImport, type PreparedRow } from './roster/import.js';
import { createPreviewStore, layoutOf } from '../xlsx/previews.js';
import { writeRoster, writeTemplate } from './roster/export.js';
import { createChildFiles } from './file.js';
import { writeChildFile } from './fileXlsx.js';
import { toFileOut } from '../xlsx/workbook.js';
import { writeRegister } from './roster/register.js';
import { childCategories } from '../../../shared/domain/family.js';
import { ZH } from '../xlsx/labels.js';
import { labelsOf, writeRefused, type RefusedRow, type SheetLabels } from './roster/refused.js';


export function toPrintCard(c: Child): PrintCard {
  // The guardian is a grandparent or relative; for a child living with a parent, that parent.
  const guardian =
    c.contacts.find((x) => x.role === 'guardian' && x.livesWith) ??
    c.contacts.find((x) => x.role === 'guardian') ??
    c.contacts.find((x) => (x.role === 'father' || x.role === 'mother') && x.livesWith);
  const parent = (role: 'father' | 'mother') => {
    const p = c.contacts.find((x) => x.role === role);
    return p ? { name: p.name, phones: p.phones, workPlace: p.workPlace } : null;
  };
  return {
    id: c.id,
    name: c.name,
    gender: c.gender,
    birthDate: c.birthDate,
    grade: c.grade,
    classNo: c.classNo,
    awayParents: c.awayParents,
    fatherSituation: c.fatherSituation,
    motherSituation: c.motherSituation,
    category: c.category,
    pupilNo: c.pupilNo,
    cardCode: c.cardCode,
    guardian: guardian ? { name: guardian.name, relation: guardian.relation, phones: guardian.phones } : null,
    father: parent('father'),
    mother: parent('mother'),
    address: c.address,
    mentorName: c.mentorName,
  };
}

export function childrenHandlers(
  db: Db,
  children: ChildrenService,
): HandlerTable<
  | 'children.list'
  | 'children.get'
  | 'children.create'
  | 'children.update'
  | 'children.archive'
  | 'children.restore'
  | 'children.remove'
  | 'children.completeness'
  | 'children.file'
  | 'children.exportFile'
  | 'children.classes'
  | 'children.importPreview'
  | 'children.importCommit'
  | 'children.importTemplate'
  | 'children.export'
  | 'children.printData'
  | 'children.importRefused'
  | 'children.rosterSettings'
  | 'children.setRosterSettings'
  | 'children.register'
> {
  // A preview waits here for the teacher's confirmation: only its rows are written, and only by its session.
  const previews = createPreviewStore<PreparedRow>();
  // The refused rows of each preview, kept past the confirmation so they can be downloaded, fixed and imported again.
  const refused = new Map<string, { sessionId: string; at: number; fileName: string; sheets: SheetLabels[]; rows: RefusedRow[] }>();
  const REFUSED_TTL_MS = 2 * 60 * 60 * 1000;
  const teachers = createTeachersRepo(db);
  const settings = createSettingsRepo(db);

  function selected(filter: Parameters<ChildrenService['list']>[0], ids: readonly number[] | null | undefined): PrintCard[] {
    const wanted = ids ? new Set(ids) : null;
    // Exports and prints take every child of the filter, not the list's first screenful.
    return children
      .list({ ...filter, limit: Number.MAX_SAFE_INTEGER })
      .filter((c) => !wanted || wanted.has(c.id))
      .map((c) => toPrintCard(children.get(c.id)));
  }

  const files = createChildFiles(db);

  const schoolTitle = () => `${settings.read(SETTING.schoolName)}留守儿童花名册`;

  return {
    'children.list': (f) => children.list(f),
    'children.get': ({ id }) => children.get(id),
    'children.create': (input, ctx) => children.create(input, ctx),
    'children.update': ({ id, child }, ctx) => children.update(id, child, ctx),
    'children.archive': ({ id, leftDate, reason }, ctx) => children.archive(id, leftDate, reason, ctx),
    'children.restore': ({ id }, ctx) => children.restore(id, ctx),
    'children.remove': ({ id, confirmName }, ctx) => children.remove(id, confirmName, ctx),
    'children.completeness': () => children.completeness(),
    // Who printed or exported whose file, and when: the audit row (the child's id, never the name).
    'children.file': ({ id }, ctx) => {
      const file = files.of(id, ctx.now);
      write(db, () => ctx.audit({ action: 'children.printFile', entity: 'child', entityId: id }));
      return file;
    },
    'children.exportFile': async ({ id }, ctx) => {
      const file = files.of(id, ctx.now);
      write(db, () => ctx.audit({ action: 'children.exportFile', entity: 'child', entityId: id }));
      return toFileOut(`${file.child.name}-完整档案-${dayOf(ctx.now)}.xlsx`, await writeChildFile(file));
    },
    'children.classes': () => children.repo.classes(),

    'children.importPreview': async ({ fileName, data }, ctx) => {
      const mentors = teachers.idsByName();
      const { headers, rows, skipped } = await prepareImport(Buffer.from(data, 'base64'), {
        today: dayOf(ctx.now),
        mentors,
        exists: (name, birthDate, grade, classNo) => children.repo.findSame(name, birthDate, grade, classNo) !== undefined,
      });
      if (rows.length === 0) throw new AppError('import.noRows');
      const importId = previews.keep(fileName, rows, ctx);
      // A clock set back (a negative age) drops them too: refused rows may hold ID numbers, never kept on a guess.
      for (const [k, v] of refused) if (ctx.now - v.at > REFUSED_TTL_MS || ctx.now < v.at) refused.delete(k);
      refused.set(importId, {
        sessionId: ctx.session.id,
        at: ctx.now,
        fileName,
        sheets: headers.map(labelsOf),
        rows: rows.filter((r) => r.row.status === 'error').map((r) => ({ sheet: r.row.sheet, row: r.row.row, values: r.values, problems: r.row.problems })),
      });
      const count = (s: string) => rows.filter((r) => r.row.status === s).length;
      const preview: ImportPreview = {
        importId,
        fileName,
        ...layoutOf(headers),
        rows: rows.map((r) => r.row),
        counts: {
          new: count('new'),
          existing: count('existing'),
          error: count('error'),
          warning: rows.filter((r) => r.row.status === 'new' && r.row.problems.length > 0).length,
        },
        skipped,
      };
      return preview;
    },

    'children.importCommit': ({ importId }, ctx) => {
      return previews.commit(importId, ctx, (p) => writeImport(db, children, p, ctx));
    },

    'children.importRefused': async ({ importId }, ctx) => {
      const r = refused.get(importId);
      if (!r || r.sessionId !== ctx.session.id || ctx.now - r.at > REFUSED_TTL_MS || ctx.now < r.at) throw new AppError('import.expired');
      if (r.rows.length === 0) throw new AppError('import.noRefused');
      ctx.audit({ action: 'children.exportRefused', entity: 'child', detail: { file: r.fileName, rows: r.rows.length } });
      const base = r.fileName.replace(/\.xlsx$/i, '');
      return toFileOut(`${base}-未导入的行.xlsx`, await writeRefused(r.sheets, r.rows));
    },
    // The county's 台账: the children of the categories asked for (default: every category but "none").
    'children.register': async ({ categories }, ctx) => {
      const wanted = new Set(categories ?? childCategories.filter((c) => c !== 'none'));
      const rows = children
        .list({ q: '', grade: null, classNo: null, awayParents: null, category: null, status: 'active', incomplete: false, limit: 5000 })
        .filter((c) => wanted.has(c.category))
        .map((c) => children.get(c.id));
      ctx.audit({ action: 'children.register', entity: 'child', detail: { rows: rows.length, categories: [...wanted] } });
      const note = `类别按父母各自情况认定：${[...wanted].map((c) => ZH.children.category[c]).join('、')}。农村留守儿童依国发〔2016〕13号，事实无人抚养儿童依民发〔2019〕62号。导出日期 ${dayOf(ctx.now)}。`;
      return toFileOut(`留守儿童台账-${dayOf(ctx.now)}.xlsx`, await writeRegister(rows, `${settings.read(SETTING.schoolName)}留守儿童信息台账`, note));
    },
    'children.rosterSettings': () => ({ keepIdNumbers: settings.read(SETTING.keepIdNumbers) }),
    'children.setRosterSettings': ({ keepIdNumbers }, ctx) =>
      write(db, () => {
        settings.write(SETTING.keepIdNumbers, keepIdNumbers);
        // Turned off: the numbers already kept go too (the app needs only what it derived from them).
        const cleared = keepIdNumbers ? 0 : children.repo.clearIdNumbers();
        ctx.audit({ action: 'settings.keepIdNumbers', entity: 'settings', detail: { keepIdNumbers, cleared } });
        return { keepIdNumbers };
      }),

    'children.importTemplate': async (_input, ctx) => {
      ctx.audit({ action: 'children.template', entity: 'child' });
      return { fileName: '留守儿童花名册模板.xlsx', data: (await writeTemplate()).toString('base64') };
    },

    'children.export': async (filter, ctx) => {
      const cards = selected(filter, null);
      // The filter, not the query text: a typed name is personal data and the audit outlives deletions.
      ctx.audit({ action: 'children.export', entity: 'child', detail: { rows: cards.length, grade: filter.grade, classNo: filter.classNo, status: filter.status } });
      const data = await writeRoster(cards, schoolTitle());
      return { fileName: `花名册-${dayOf(ctx.now)}.xlsx`, data: data.toString('base64') };
    },

    'children.printData': ({ kind, filter, ids }, ctx) => {
      const cards = selected(filter, ids);
      ctx.audit({ action: `children.print.${kind}`, entity: 'child', detail: { rows: cards.length } });
      return cards;
    },
  };
}

/** The previewed new rows in one transaction; a row created meanwhile (same name and birth date) is skipped. */
function writeImport(
  db: Db,
  children: ChildrenService,
  p: { fileName: string; rows: PreparedRow[] },
  ctx: CallContext,
): { created: number; existing: number; errors: number } {
  return write(db, () => {
    let created = 0;
    let existing = p.rows.filter((r) => r.row.status === 'existing').length;
    for (const r of p.rows) {
      if (!r.fields) continue;
      if (children.repo.findSame(r.fields.name, r.fields.birthDate, r.fields.grade, r.fields.classNo) !== undefined) {
        existing++;
        continue;
      }
      children.insert(r.fields, ctx.now);
      created++;
    }
    const errors = p.rows.filter((r) => r.row.status === 'error').length;
    ctx.audit({ action: 'children.import', entity: 'child', detail: { file: p.fileName, created, existing, errors } });
    return { created, existing, errors };
  });
}
