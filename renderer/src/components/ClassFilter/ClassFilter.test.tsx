// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInApp, serve } from '../../test-utils.js';
import { ClassFilter } from './ClassFilter.js';

function Harness() {
  const [value, setValue] = useState<{ grade: number | null; classNo: number | null }>({ grade: null, classNo: null });
  return (
    <>
      <ClassFilter grade={value.grade} classNo={value.classNo} onChange={setValue} />
      <output data-testid="value">{`${value.grade ?? '-'}/${value.classNo ?? '-'}`}</output>
    </>
  );
}

const select = (box: string) => screen.getByRole('combobox', { name: box }) as HTMLSelectElement;
/** Chooses the option with that text, as a click in the native list does. */
const pick = (box: string, option: string) => {
  const el = select(box);
  const value = [...el.options].find((o) => o.textContent === option)?.value;
  if (value === undefined) throw new Error(`no option ${option} in ${box}`);
  fireEvent.change(el, { target: { value } });
};
/** The options of one select, after its "all" choice. */
const options = (box: string) => [...select(box).options].slice(1).map((o) => o.textContent);

afterEach(cleanup);

describe('ClassFilter', () => {
  it("offers a grade's own classes, and choosing another grade clears the class", async () => {
    serve({
      'children.classes': [
        { grade: 3, classNo: 1, children: 20 },
        { grade: 3, classNo: 2, children: 18 },
        { grade: 4, classNo: 1, children: 25 },
      ],
    });
    await renderInApp(<Harness />);
    await waitFor(() => expect(options('全部班级')).toEqual(['1班', '2班']));
    pick('全部年级', '三年级');
    expect(screen.getByTestId('value').textContent).toBe('3/-');
    expect(select('全部年级').value).toBe('3');
    await waitFor(() => expect(options('全部班级')).toEqual(['1班', '2班']));
    pick('全部班级', '2班');
    expect(screen.getByTestId('value').textContent).toBe('3/2');
    pick('全部年级', '四年级');
    expect(screen.getByTestId('value').textContent).toBe('4/-');
    expect(options('全部班级')).toEqual(['1班']);
    // "All grades" again: every class of the school.
    pick('全部年级', '全部年级');
    expect(screen.getByTestId('value').textContent).toBe('-/-');
    expect(options('全部班级')).toEqual(['1班', '2班']);
  });
});
