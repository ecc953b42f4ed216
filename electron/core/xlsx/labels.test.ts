import { describe, expect, it } from 'vitest';
import { AWAY_LABEL, ZH } from './labels.js';

describe('export labels', () => {
  it('are the Chinese screens’ own words, whatever language the UI is in', () => {
    expect(AWAY_LABEL).toEqual({ father: '父亲外出', mother: '母亲外出', both: '父母均外出', none: '非留守' });
    expect(ZH.children.gender).toEqual({ male: '男', female: '女' });
    expect(ZH.library.states.onLoan).toBe('借出');
  });
});
