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

const pick = async (box: string, option: string) => {
  fireEvent.click(screen.getByRole('combobox', { name: box }));
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
};
/** The options of one select's own list (another's may still be in the page, closing). */
const options = async (box: string) => {
  const input = screen.getByRole('combobox', { name: box });
  fireEvent.click(input);
  const list = await waitFor(() => document.getElementById(input.getAttribute('aria-controls') ?? '')!);
  return [...list.querySelectorAll('[role=option]')].map((o) => o.textContent);
};

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
    await pick('全部年级', '三年级');
    expect(screen.getByTestId('value').textContent).toBe('3/-');
    await waitFor(async () => expect(await options('全部班级')).toEqual(['1班', '2班']));
    await pick('全部班级', '2班');
    expect(screen.getByTestId('value').textContent).toBe('3/2');
    await pick('全部年级', '四年级');
    expect(screen.getByTestId('value').textContent).toBe('4/-');
  });
});
