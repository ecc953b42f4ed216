import { z } from 'zod';
import { charLength, cleanPersonName } from './text.js';
import {
  awayParentsValues,
  guardianRelations,
  normalizePhones,
  type AwayParents,
  type Gender,
} from './normalize.js';
import type { Day } from './dates.js';
import { checked, classNo, dayText, grade, id, instant, optionalLine, optionalNote, personName, text } from './fields.js';
import { lunarDateExists, lunarOf } from './birthdays.js';
import { birthAgrees, normalizeBirth, normalizeIdNumber } from './birth.js';
import { awayParentsOf, childCategorySchema, parentSituationSchema, parentsFromAway, type ParentSituation } from './family.js';

/** A birth date as the core hands it out: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
export const birthText = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

const optionalName = text()
  .nullish()
  .transform((s) => cleanPersonName(s ?? ''))
  .refine((s) => charLength(s) <= 30, { error: 'validation:tooLong', params: { max: 30 } });

export const contactRoles = ['father', 'mother', 'guardian', 'other'] as const;
export type ContactRole = (typeof contactRoles)[number];

export const contactInput = z.object({
  /** The row being edited, so a call dialog open on it keeps working; absent for a new contact. */
  id: id.nullish().transform((v) => v ?? null),
  role: z.enum(contactRoles, { error: 'validation:invalid' }),
  name: optionalName,
  relation: z.enum(guardianRelations, { error: 'validation:invalid' }).nullish().transform((r) => r ?? null),
  phones: z
    .union([text(), z.array(text())])
    .nullish()
    .transform((p) => p ?? '')
    .transform(checked(normalizePhones))
    .refine((p) => p.length <= 4, { error: 'validation:tooMany', params: { max: 4 } }),
  workPlace: optionalLine(50),
  livesWith: z.boolean().default(false),
});

const lunarBirthday = z.object({
  month: z.number().int().min(1, { error: 'validation:lunarMonth' }).max(12, { error: 'validation:lunarMonth' }),
  day: z.number().int().min(1, { error: 'validation:lunarDay' }).max(30, { error: 'validation:lunarDay' }),
  leap: z.boolean().default(false),
});

/** A child as the form sends it and the import builds it; the core parses it with this same schema. */
export const childInput = z.object({
  name: personName(30),
  gender: z
    .enum(['male', 'female', ''], { error: 'validation:gender' })
    .nullish()
    .transform((g) => (g ? g : null)),
  birthDate: text()
    .nullish()
    .transform((d) => d ?? '')
    .transform(checked((d: string) => normalizeBirth(d))),
  lunarBirthday: lunarBirthday.nullish().transform((l) => l ?? null),
  grade: z.number({ error: 'validation:required' }).int().min(1, { error: 'validation:grade' }).max(6, { error: 'validation:grade' }),
  classNo: z.number({ error: 'validation:required' }).int().min(1, { error: 'validation:classNo' }).max(30, { error: 'validation:classNo' }),
  /** Each parent's situation; an older caller may send only `awayParents` (the away ones away, the other at home). */
  fatherSituation: parentSituationSchema.nullish().transform((v) => v ?? null),
  motherSituation: parentSituationSchema.nullish().transform((v) => v ?? null),
  awayParents: z.enum(awayParentsValues, { error: 'validation:required' }).nullish().transform((v) => v ?? null),
  /** 学籍号: letters and digits, stored as typed. */
  pupilNo: optionalLine(30).transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase()),
  /** 身份证号: checked (GB 11643) and used to fill or confirm birth date and sex; stored only when the setting says so. */
  idNumber: text()
    .nullish()
    .transform((d) => d ?? '')
    .transform(checked((d: string) => normalizeIdNumber(d))),
  address: optionalLine(100),
  mentorId: z.number().int().positive().nullish().transform((m) => m ?? null),
  notes: optionalNote(2000),
  contacts: z.array(contactInput).max(8, { error: 'validation:tooMany' }).default([]),
}).superRefine((c, ctx) => {
  if (c.fatherSituation === null && c.motherSituation === null && c.awayParents === null) {
    ctx.addIssue({ code: 'custom', path: ['fatherSituation'], message: 'validation:required' });
  }
  if (c.idNumber && c.birthDate && !birthAgrees(c.birthDate, c.idNumber.birthDate)) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'validation:idBirthConflict', params: { birth: c.birthDate, id: c.idNumber.birthDate } });
  }
  if (c.idNumber && c.gender && c.gender !== c.idNumber.gender) {
    ctx.addIssue({ code: 'custom', path: ['gender'], message: 'validation:idGenderConflict' });
  }
  // A lunar birthday must exist in the lunar year the child was born (no 30th of a 29-day month).
  if (!c.lunarBirthday || !c.birthDate || c.birthDate.length === 7) return;
  const year = lunarOf(c.birthDate).year;
  if (!lunarDateExists(c.lunarBirthday, year)) {
    ctx.addIssue({ code: 'custom', path: ['lunarBirthday', 'day'], message: 'validation:lunarMissing', params: { year } });
  }
}).transform(({ fatherSituation, motherSituation, awayParents, idNumber, ...c }) => {
  const old = parentsFromAway(awayParents ?? 'none');
  const father: ParentSituation = fatherSituation ?? (motherSituation === 'away' && awayParents === null ? 'home' : old.father);
  const mother: ParentSituation = motherSituation ?? old.mother;
  return {
    ...c,
    // The ID number's date and sex fill what the record lacks (a month-only date becomes the full day).
    birthDate: idNumber ? idNumber.birthDate : c.birthDate,
    gender: c.gender ?? idNumber?.gender ?? null,
    idNumber: idNumber?.id ?? null,
    fatherSituation: father,
    motherSituation: mother,
    awayParents: awayParentsOf({ father, mother }),
  };
});

export type ChildInput = z.input<typeof childInput>;
export type ChildFields = z.output<typeof childInput>;
export type ContactFields = z.output<typeof contactInput>;

export const genderSchema = z.enum(['male', 'female']);

export const contactSchema = z.object({
  id,
  role: z.enum(contactRoles),
  name: z.string(),
  relation: z.enum(guardianRelations).nullable(),
  phones: z.array(z.string()),
  workPlace: z.string(),
  livesWith: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;

export const missingFields = [
  'gender',
  'birthDate',
  'guardian',
  'guardianPhone',
  'livesWith',
  'fatherPhone',
  'fatherWorkPlace',
  'motherPhone',
  'motherWorkPlace',
  'address',
  'mentor',
] as const;
export type MissingField = (typeof missingFields)[number];

const missingList = z.array(z.enum(missingFields));

export const childSchema = z.object({
  id,
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: birthText.nullable(),
  lunarBirthday: z.object({ month: z.number().int(), day: z.number().int(), leap: z.boolean() }).nullable(),
  grade,
  classNo,
  status: z.enum(['active', 'left']),
  leftDate: dayText.nullable(),
  leftReason: z.string(),
  awayParents: z.enum(awayParentsValues),
  fatherSituation: parentSituationSchema,
  motherSituation: parentSituationSchema,
  /** Derived by `categoryOf` (shared/domain/family.ts) when the record is written. */
  category: childCategorySchema,
  pupilNo: z.string(),
  /** Null unless the setting keeps ID numbers. */
  idNumber: z.string().nullable(),
  address: z.string(),
  mentorId: id.nullable(),
  mentorName: z.string().nullable(),
  notes: z.string(),
  cardCode: z.string(),
  contacts: z.array(contactSchema),
  missing: missingList,
  createdAt: instant,
  updatedAt: instant,
});
export type Child = z.infer<typeof childSchema>;

/** One row of the children list: enough to tell two 张伟 apart (class and birth date). */
export const childListItemSchema = childSchema
  .pick({ id: true, name: true, gender: true, birthDate: true, grade: true, classNo: true, status: true, awayParents: true, category: true, missing: true })
  .extend({
    guardianName: z.string().nullable(),
    guardianPhone: z.string().nullable(),
    /** How many children (active or not) share this exact name. */
    sameName: z.number().int().positive(),
    /** The name's pinyin and initials: the desk's list is searched in the page (shared/domain/match.ts). */
    searchFull: z.string(),
    searchInitials: z.string(),
  });
export type ChildListItem = z.infer<typeof childListItemSchema>;

/**
 * What a record lacks for 建档率 (record completeness). The rules, in the UI's help too: gender, birth
 * date, a guardian (or a parent the child lives with) with a phone, the adult the child lives with, the phone and work place of each away
 * parent, the home address, and a mentor for a left-behind child.
 */
export function missingOf(c: {
  gender: Gender | null;
  birthDate: Day | null;
  awayParents: AwayParents;
  address: string;
  mentorId: number | null;
  contacts: readonly Pick<Contact, 'role' | 'name' | 'phones' | 'workPlace' | 'livesWith'>[];
}): MissingField[] {
  const missing: MissingField[] = [];
  // The guardian is whoever the child lives with day to day: a grandparent, or a parent at home.
  const guardians = c.contacts.filter(
    (x) => x.name !== '' && (x.role === 'guardian' || ((x.role === 'father' || x.role === 'mother') && x.livesWith)),
  );
  const parent = (role: 'father' | 'mother') => c.contacts.find((x) => x.role === role);
  if (!c.gender) missing.push('gender');
  if (!c.birthDate) missing.push('birthDate');
  if (guardians.length === 0) missing.push('guardian');
  else if (!guardians.some((g) => g.phones.length > 0)) missing.push('guardianPhone');
  if (!c.contacts.some((x) => x.livesWith)) missing.push('livesWith');
  for (const role of ['father', 'mother'] as const) {
    if (c.awayParents !== role && c.awayParents !== 'both') continue;
    const p = parent(role);
    if (!p || p.phones.length === 0) missing.push(`${role}Phone`);
    if (!p || p.workPlace === '') missing.push(`${role}WorkPlace`);
  }
  if (c.address === '') missing.push('address');
  if (c.awayParents !== 'none' && c.mentorId === null) missing.push('mentor');
  return missing;
}

/**
 * What deleting a child did. The delete is committed either way; `fileCleared` false means a reader held
 * the database's WAL, so the deleted data may stay in the -wal file until the app's next checkpoint.
 */
export const childRemovedSchema = z.object({
  ok: z.literal(true),
  fileCleared: z.boolean(),
  backups: z.object({
    /** Backups checked that no longer hold the child. */
    cleaned: z.array(z.string()),
    unreachable: z.array(z.object({ file: z.string(), reason: z.enum(['missing', 'encrypted', 'readOnly', 'damaged', 'notCleaned']) })),
  }),
});
export type ChildRemoved = z.infer<typeof childRemovedSchema>;
