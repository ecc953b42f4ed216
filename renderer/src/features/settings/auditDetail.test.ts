import { describe, expect, it } from 'vitest';
import { formatAuditDetail } from './auditDetail.js';

describe('formatAuditDetail', () => {
  it('shows changes as from → to and other details as key: value', () => {
    expect(formatAuditDetail('{"schoolName":{"from":"甲","to":"乙"},"idleLockMinutes":{"from":10,"to":15}}')).toBe(
      'schoolName: 甲 → 乙; idleLockMinutes: 10 → 15',
    );
    expect(formatAuditDetail('{"from":"zh-CN","to":"en"}')).toBe('zh-CN → en');
    expect(formatAuditDetail('{"name":"王老师","role":"teacher"}')).toBe('name: 王老师; role: teacher');
    expect(formatAuditDetail('{"term":{"name":"秋","start":"2026-09-01"}}')).toBe('term: (name: 秋; start: 2026-09-01)');
    expect(formatAuditDetail(null)).toBe('');
    expect(formatAuditDetail('not json')).toBe('not json');
  });
});
