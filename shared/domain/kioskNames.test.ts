import { describe, expect, it } from 'vitest';
import { calledName } from './names.js';
import { kioskTiles } from './kioskNames.js';

describe('calledName', () => {
  it('uses the full name when the given name is one character', () => {
    expect(calledName('何诗')).toBe('何诗');
    expect(calledName('余诗')).toBe('余诗');
    expect(calledName('王俊')).toBe('王俊');
    expect(calledName('欧阳娜')).toBe('欧阳娜');
  });
  it('uses a given name of two or more characters', () => {
    expect(calledName('张三丽')).toBe('三丽');
    expect(calledName('欧阳娜娜')).toBe('娜娜');
    expect(calledName('阿依古丽·买买提')).toBe('阿依古丽');
  });
});

describe('kioskTiles', () => {
  const list = [
    { id: 1, name: '张子涵' },
    { id: 2, name: '何诗' },
    { id: 3, name: '李子涵' },
    { id: 4, name: '王安琪' },
    { id: 5, name: '余诗' },
  ];
  it('labels with the called name, full names where two would look the same, sorted by the label', () => {
    const tiles = kioskTiles(list);
    expect(tiles.map((t) => t.label)).toEqual(['安琪', '何诗', '李子涵', '余诗', '张子涵']);
    expect(tiles.find((t) => t.id === 1)!.calledName).toBe('子涵');
  });
  it('keeps the order of search results when asked', () => {
    expect(kioskTiles(list, { sort: false }).map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
