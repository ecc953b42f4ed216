// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderInApp } from '../../test-utils.js';
import { FilterSelect, type FilterOption } from './FilterSelect.js';

function Harness<T extends string | number>({ options }: { options: FilterOption<T>[] }) {
  const [value, setValue] = useState<T | null>(null);
  return (
    <>
      <FilterSelect all="全部" w={120} options={options} value={value} onChange={setValue} />
      <output data-testid="value">{value === null ? 'null' : `${typeof value}:${value}`}</output>
    </>
  );
}

const select = () => screen.getByRole('combobox', { name: '全部' }) as HTMLSelectElement;
const pick = (label: string) => {
  const value = [...select().options].find((o) => o.textContent === label)?.value;
  if (value === undefined) throw new Error(`no option ${label}`);
  fireEvent.change(select(), { target: { value } });
};
const shown = () => screen.getByTestId('value').textContent;

afterEach(cleanup);

describe('FilterSelect', () => {
  it('offers "all" first and hands back the option\'s own value: a number stays a number, "all" is null', async () => {
    await renderInApp(<Harness options={[{ value: 3, label: '三年级' }, { value: 10, label: '十班' }]} />);
    expect([...select().options].map((o) => o.textContent)).toEqual(['全部', '三年级', '十班']);
    expect(select().value).toBe('');
    pick('十班');
    expect(shown()).toBe('number:10');
    expect(select().value).toBe('10');
    pick('全部');
    expect(shown()).toBe('null');
  });

  it('keeps a string value as it is', async () => {
    await renderInApp(<Harness options={[{ value: 'leftBehind', label: '留守儿童' }, { value: 'none', label: '其他' }]} />);
    pick('留守儿童');
    expect(shown()).toBe('string:leftBehind');
    pick('其他');
    expect(shown()).toBe('string:none');
  });
});
