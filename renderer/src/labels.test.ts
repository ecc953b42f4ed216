import { describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { rememberT } from './labels.js';

async function strings() {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    resources: {
      'zh-CN': { children: { missing_other: '缺 {{count}} 项', gender: { female: '女' }, gradeClass: '{{grade}}{{classNo}}班' } },
      en: { children: { missing_one: '{{count}} missing', missing_other: '{{count}} missing', gender: { female: 'Girl' }, gradeClass: 'Grade {{grade}} Class {{classNo}}' } },
    },
  });
  return i18n;
}

describe('rememberT', () => {
  it('answers what t answers, and asks t once for each key and values', async () => {
    const i18n = await strings();
    const t = vi.fn(i18n.getFixedT('zh-CN'));
    const label = rememberT(t as unknown as typeof i18n.t);
    expect(label('children:gender.female')).toBe('女');
    expect(label('children:missing', { count: 1 })).toBe('缺 1 项');
    expect(label('children:missing', { count: 2 })).toBe('缺 2 项');
    expect(label('children:missing', { count: 1 })).toBe('缺 1 项');
    expect(label('children:gender.female')).toBe('女');
    expect(t).toHaveBeenCalledTimes(3);
  });

  it('keeps a number and the same digits as a string apart, and values of other names apart', async () => {
    const i18n = await strings();
    const t = vi.fn(i18n.getFixedT('zh-CN'));
    const label = rememberT(t as unknown as typeof i18n.t);
    expect(label('children:gradeClass', { grade: '三年级', classNo: 2 })).toBe('三年级2班');
    expect(label('children:gradeClass', { grade: '三年级', classNo: '2' })).toBe('三年级2班');
    expect(label('children:gradeClass', { grade: '三年级2', classNo: '' })).toBe('三年级2班');
    expect(t).toHaveBeenCalledTimes(3);
  });

  it("a new language's t starts a new store: no string of the old language comes back", async () => {
    const i18n = await strings();
    const zh = rememberT(i18n.getFixedT('zh-CN'));
    const en = rememberT(i18n.getFixedT('en'));
    expect(zh('children:gender.female')).toBe('女');
    expect(en('children:gender.female')).toBe('Girl');
    expect(en('children:missing', { count: 1 })).toBe('1 missing');
    expect(zh('children:missing', { count: 1 })).toBe('缺 1 项');
  });
});
