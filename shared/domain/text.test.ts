import { describe, expect, it } from 'vitest';
import { charLength, cleanLine, cleanNote, cleanPersonName } from './text.js';
import { personName, pin, requiredLine } from './fields.js';

describe('cleanPersonName (BAD-INPUTS names)', () => {
  it.each([
    [' 王芳 ', '王芳'],
    ['王\u3000芳', '王芳'],
    ['\uFEFF王\u200B芳\u200D', '王芳'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['阿依古丽･买买提', '阿依古丽·买买提'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    ['欧阳 娜娜', '欧阳娜娜'],
    ['  Li   Ming ', 'Li Ming'],
    ["王'芳", "王'芳"],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanPersonName(raw)).toBe(clean);
  });

  it('keeps characters outside the BMP and counts each as one', () => {
    expect(cleanPersonName(' 𠇔明 ')).toBe('𠇔明');
    expect(charLength('𠇔明')).toBe(2);
    expect('𠇔明'.length).toBe(3);
  });
});

describe('field schemas', () => {
  it('refuse blank and overlong names with a length message', () => {
    const name = personName(30);
    expect(name.safeParse('\u3000 \u200B').success).toBe(false);
    expect(name.safeParse('王'.repeat(500)).error?.issues[0]?.message).toBe('validation:tooLong');
    // 30 astral characters are 60 UTF-16 units but 30 characters: allowed.
    expect(name.safeParse('𠇔'.repeat(30)).success).toBe(true);
    expect(requiredLine(50).safeParse('x'.repeat(100_000)).success).toBe(false);
  });

  it('accept 4–8 digit PINs, full-width digits included', () => {
    expect(pin.parse('１２３４')).toBe('1234');
    for (const bad of ['123', '123456789', '12a4', '']) expect(pin.safeParse(bad).success).toBe(false);
  });
});

describe('cleanLine and cleanNote', () => {
  it('collapse spaces in a line and keep line breaks in a note', () => {
    expect(cleanLine('  青山镇\u3000中心小学 ')).toBe('青山镇 中心小学');
    expect(cleanNote('\uFEFF第一行  \r\n  第二行\r\n')).toBe('第一行\n第二行');
  });
});
