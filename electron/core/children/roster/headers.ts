import { findHeaders, key, synonyms, type Header, type HeaderSpec } from '../../xlsx/headers.js';
import type { Workbook } from '../../xlsx/workbook.js';

export const rosterFields = [
  'name',
  'gender',
  'birthDate',
  'grade',
  'classNo',
  'gradeClass',
  'awayParents',
  'fatherName',
  'fatherPhone',
  'fatherWorkPlace',
  'motherName',
  'motherPhone',
  'motherWorkPlace',
  'guardianName',
  'guardianRelation',
  'guardianPhone',
  'address',
  'mentor',
  'notes',
  'parentsWorkPlace',
  'idNumber',
  'pupilNo',
  'fatherSituation',
  'motherSituation',
] as const;
export type RosterField = (typeof rosterFields)[number];

/** The template's header: what we write, and the first synonym we read. */
export const TEMPLATE_HEADERS: Record<RosterField, string> = {
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  grade: '年级',
  classNo: '班级',
  gradeClass: '年级班级',
  awayParents: '留守类型',
  fatherName: '父亲姓名',
  fatherPhone: '父亲电话',
  fatherWorkPlace: '父亲务工地',
  motherName: '母亲姓名',
  motherPhone: '母亲电话',
  motherWorkPlace: '母亲务工地',
  guardianName: '监护人姓名',
  guardianRelation: '与监护人关系',
  guardianPhone: '监护人电话',
  address: '家庭住址',
  mentor: '帮扶教师',
  notes: '备注',
  parentsWorkPlace: '父母务工地',
  idNumber: '身份证号',
  pupilNo: '学籍号',
  fatherSituation: '父亲状况',
  motherSituation: '母亲状况',
};

const PARENT = {
  father: ['父亲', '爸爸', '父', '父亲情况'],
  mother: ['母亲', '妈妈', '母', '母亲情况'],
  guardian: ['监护人', '临时监护人', '代理监护人', '委托监护人', '监护人情况'],
};
const SUB = {
  Name: ['姓名', '名字', ''],
  Phone: ['电话', '联系电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'],
  WorkPlace: ['务工地', '务工地点', '打工地点', '打工地', '工作地点', '工作单位', '外出地点', '务工地址', '外出务工地'],
  Relation: ['关系', '与学生关系', '与儿童关系'],
};

/** Every way a school writes each column, after `key()` folding (full-width, brackets and spaces gone). */
const SYNONYMS = synonyms<RosterField>();
const add = SYNONYMS.add;
add('name', '姓名', '学生姓名', '儿童姓名', '幼儿姓名', '名字', '学生', '留守儿童姓名', 'name');
add('gender', '性别', 'gender', 'sex');
add('birthDate', '出生日期', '出生年月', '出生年月日', '生日', '出生时间', '出生', 'birthdate', 'birthday');
add('grade', '年级', '就读年级', '所在年级', 'grade');
add('classNo', '班级', '班', '班别', '班次', 'class');
add('gradeClass', '年级班级', '所在班级', '年级班别', '年级及班级', '就读班级');
add('awayParents', '留守类型', '留守情况', '留守类别', '外出情况', '父母外出情况', '留守儿童类型', '留守儿童类别', '父母外出务工情况');
add('parentsWorkPlace', '父母务工地', '父母务工地点', '务工地', '务工地点', '外出务工地', '外出务工地点', '父母打工地点', '务工城市');
add('address', '家庭住址', '住址', '家庭地址', '地址', '家庭详细住址', '现住址');
add('mentor', '帮扶教师', '结对教师', '帮扶人', '代理家长', '爱心妈妈', '结对帮扶教师', '帮扶老师', '帮扶责任人', '结对帮扶人');
add('notes', '备注', '说明');
add('idNumber', '身份证号', '身份证号码', '公民身份号码', '身份证', '学生身份证号', '儿童身份证号', '身份证件号码', '证件号码', 'idnumber');
add('pupilNo', '学籍号', '全国学籍号', '学籍号码', '学生学籍号', '学籍编号', 'pupilno');
add('name', '儿童姓名', '学生名字');
add('gender', '学生性别', '儿童性别');
add('birthDate', '出生年月（年.月）', '出生年月份', '出生年份月份', '出生日期（年月）');
add('awayParents', '类别', '儿童类别', '留守类型（单亲/双亲）', '家庭类型', '儿童类型', '困境类型', '留守儿童情况', '是否留守');
add('fatherSituation', '父亲状况', '父亲去向', '父亲外出情况', '父亲是否外出', '父亲务工情况', '父亲现状', '父亲状态', '父亲监护情况', '父亲在家/外出');
add('motherSituation', '母亲状况', '母亲去向', '母亲外出情况', '母亲是否外出', '母亲务工情况', '母亲现状', '母亲状态', '母亲监护情况', '母亲在家/外出');
add('guardianRelation', '监护人与儿童关系', '与儿童关系', '监护人与学生的关系');
add('guardianPhone', '联系电话', '电话', '电话号码', '家长电话', '联系方式', '手机', '家长联系电话', '家长手机');
add('guardianName', '家长姓名', '联系人', '家长', '联系人姓名');
add('guardianRelation', '与监护人关系', '监护人关系', '与学生关系', '关系', '监护人与学生关系');
for (const [role, words] of Object.entries(PARENT)) {
  for (const w of words) {
    for (const [suffix, subs] of Object.entries(SUB)) {
      const field = `${role}${suffix}` as RosterField;
      if (!(rosterFields as readonly string[]).includes(field)) continue;
      for (const s of subs) add(field, `${w}${s}`);
    }
  }
}

const GROUPS: Record<string, 'father' | 'mother' | 'guardian'> = Object.fromEntries(
  Object.entries(PARENT).flatMap(([role, words]) => words.map((w) => [key(w), role as 'father' | 'mother' | 'guardian'])),
);

const ROSTER: HeaderSpec<RosterField> = { fieldOf: SYNONYMS.fieldOf, groups: GROUPS, required: 'name' };

export type RosterHeader = Header<RosterField>;

/** The roster's header on every visible sheet that has one. */
export function rosterSheets(wb: Workbook): RosterHeader[] {
  return findHeaders(wb, ROSTER);
}
