// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { renderInApp, schoolInfo, serve } from '../test-utils.js';
import { useToday, WhenToday } from './useToday.js';

function ShowToday() {
  const today = useToday();
  return <span data-testid="today">{today ?? 'waiting'}</span>;
}

afterEach(cleanup);

describe('useToday', () => {
  it("waits for the core's date instead of reading the PC's clock", async () => {
    serve({ 'app.info': new Promise(() => undefined) });
    await renderInApp(<ShowToday />);
    expect(screen.getByTestId('today').textContent).toBe('waiting');
    expect(screen.getByTestId('today').textContent).not.toBe(dayjs().format('YYYY-MM-DD'));
  });

  it("is the core's today once app.info has answered, whatever the PC's date", async () => {
    serve({ 'app.info': schoolInfo('2031-03-05') });
    await renderInApp(<ShowToday />);
    expect((await screen.findByText('2031-03-05')).dataset.testid).toBe('today');
  });
});

describe('WhenToday', () => {
  it("shows a loader until the core's today is known, then its content", async () => {
    let answer: (info: unknown) => void = () => undefined;
    serve({ 'app.info': new Promise((resolve) => (answer = resolve)) });
    const { container } = await renderInApp(<WhenToday>{(today) => <span>{`today is ${today}`}</span>}</WhenToday>);
    expect(container.querySelector('.mantine-Loader-root')).not.toBeNull();
    expect(screen.queryByText(/today is/)).toBeNull();
    answer(schoolInfo('2031-03-05'));
    expect(await screen.findByText('today is 2031-03-05')).toBeTruthy();
  });
});
