import { describe, expect, it } from 'vitest';
import { formatAuditDetail, withChildNames, type DetailWords } from './auditDetail.js';

describe('formatAuditDetail', () => {
  it('shows changes as from → to and other details as key: value', () => {
    expect(formatAuditDetail('{"schoolName":{"from":"甲","to":"乙"},"idleLockMinutes":{"from":10,"to":15}}')).toBe(
      'schoolName: 甲 → 乙; idleLockMinutes: 10 → 15',
    );
    expect(formatAuditDetail('{"from":"zh-CN","to":"en"}')).toBe('zh-CN → en');
    expect(formatAuditDetail('{"term":{"name":"秋","start":"2026-09-01"}}')).toBe('term: (name: 秋; start: 2026-09-01)');
    expect(formatAuditDetail(null)).toBe('');
    expect(formatAuditDetail('not json')).toBe('not json');
  });

  it('uses the reader’s words for field names and coded values', () => {
    const words: DetailWords = {
      field: (k) => ({ name: '姓名', role: '角色' })[k] ?? k,
      value: (k, v) => (k === 'role' && v === 'teacher' ? '教师' : String(v)),
    };
    expect(formatAuditDetail('{"name":"王老师","role":"teacher"}', words)).toBe('姓名: 王老师; 角色: 教师');
    expect(formatAuditDetail('{"from":{"name":"王","role":"teacher"},"to":{"name":"王芳","role":"teacher"}}', words)).toBe(
      '姓名: 王; 角色: 教师 → 姓名: 王芳; 角色: 教师',
    );
  });
});

describe('withChildNames', () => {
  it('puts the names in place of the ids, first', () => {
    expect(withChildNames('{"count":2,"childIds":[3,4]}', '张三丽、何诗')).toBe('{"children":"张三丽、何诗","count":2}');
    expect(withChildNames('{"childId":3,"reason":"点错了"}', '张三丽')).toBe('{"children":"张三丽","reason":"点错了"}');
  });
  it('keeps the ids when no name is known, and any other detail as it is', () => {
    expect(withChildNames('{"childId":3}', null)).toBe('{"childId":3}');
    expect(withChildNames('{"day":"2026-11-27"}', '张三丽')).toBe('{"day":"2026-11-27"}');
    expect(withChildNames('not json', '张三丽')).toBe('not json');
  });
});
