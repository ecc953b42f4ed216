// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Term } from '../../../../shared/domain/types.js';
import { renderInApp, schoolInfo, serve } from '../../test-utils.js';
import { TermRangePicker } from './TermRangePicker.js';
import { useTermRange, type TermRangeOptions } from './useTermRange.js';

const terms: Term[] = [
  { id: 2, name: '2030秋季学期', start: '2030-09-01', end: '2031-01-20' },
  { id: 1, name: '2030春季学期', start: '2030-02-20', end: '2030-07-05' },
];

function Harness(options: TermRangeOptions) {
  const { from, to, term, picker } = useTermRange(options);
  return (
    <>
      <TermRangePicker picker={picker} termLabel={options.withTerms === false ? undefined : '学期'} rangeLabel="日期范围" />
      <output data-testid="period">{`${from ?? '?'}..${to ?? '?'} ${term?.name ?? '-'}`}</output>
    </>
  );
}

const period = () => screen.getByTestId('period').textContent;

const termSelect = () => screen.getByRole('combobox', { name: '学期' }) as HTMLSelectElement;
/** Chooses the term with that name, as a click in the native list does. */
const pickTerm = (name: string) => {
  const option = [...termSelect().options].find((o) => o.textContent === name);
  if (!option) throw new Error(`no term ${name}`);
  fireEvent.change(termSelect(), { target: { value: option.value } });
};

afterEach(cleanup);

describe('TermRangePicker', () => {
  it("starts on the term that holds the core's today, the whole term", async () => {
    serve({ 'app.info': schoolInfo('2030-11-02'), 'terms.list': terms });
    await renderInApp(<Harness />);
    await waitFor(() => expect(period()).toBe('2030-09-01..2031-01-20 2030秋季学期'));
    expect(termSelect().selectedOptions[0]?.textContent).toBe('2030秋季学期');
  });

  it('stops at today for a summary of the running term', async () => {
    serve({ 'app.info': schoolInfo('2030-11-02'), 'terms.list': terms });
    await renderInApp(<Harness stopAtToday />);
    await waitFor(() => expect(period()).toBe('2030-09-01..2030-11-02 2030秋季学期'));
  });

  it("waits for the core's today before choosing anything", async () => {
    serve({ 'app.info': new Promise(() => undefined), 'terms.list': terms });
    await renderInApp(<Harness />);
    await new Promise((r) => setTimeout(r, 50));
    expect(period()).toBe('?..? -');
  });

  it('takes another term, then "any range" keeps the dates', async () => {
    serve({ 'app.info': schoolInfo('2030-11-02'), 'terms.list': terms });
    await renderInApp(<Harness />);
    await waitFor(() => expect(period()).toBe('2030-09-01..2031-01-20 2030秋季学期'));
    pickTerm('2030春季学期');
    await waitFor(() => expect(period()).toBe('2030-02-20..2030-07-05 2030春季学期'));
    pickTerm('自定日期范围');
    await waitFor(() => expect(period()).toBe('2030-02-20..2030-07-05 -'));
  });

  it('without terms is a range only, starting where the page says', async () => {
    serve({ 'app.info': schoolInfo('2030-11-02') });
    await renderInApp(<Harness withTerms={false} initialRange={(today) => [`${today.slice(0, 7)}-01`, today]} />);
    await waitFor(() => expect(period()).toBe('2030-11-01..2030-11-02 -'));
    expect(screen.queryByRole('combobox', { name: '学期' })).toBeNull();
    expect(screen.getByRole('button', { name: '日期范围' })).toBeTruthy();
  });
});
