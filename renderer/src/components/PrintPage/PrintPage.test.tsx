// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { SHELL_PRINT_TO_PDF } from '../../../../shared/api/shell.js';
import { AppError } from '../../../../shared/errors.js';
import { renderInApp, serve } from '../../test-utils.js';
import i18n from '../../i18n.js';
import { PrintPage, PrintSheet } from './PrintPage.js';
import { PrintTable, paginate } from './PrintTable.js';

afterEach(cleanup);

describe('PrintPage', () => {
  const page = (ready: boolean) => (
    <PrintPage fileName="花名册-2030-11-02.pdf" orientation="landscape" ready={ready} error={null}>
      <PrintSheet orientation="landscape">第一页</PrintSheet>
    </PrintPage>
  );

  it('waits for its data before it lets the teacher print', async () => {
    serve({});
    const { container } = await renderInApp(page(false));
    expect(screen.getByText('花名册-2030-11-02')).toBeTruthy();
    expect(screen.getByText('第一页')).toBeTruthy();
    expect(container.querySelector('[data-print-ready="no"]')).not.toBeNull();
    expect([...container.querySelectorAll('style')].map((s) => s.textContent).join('')).toContain('@page { size: A4 landscape; margin: 0; }');
    expect((screen.getByRole('button', { name: '打印 / 保存为 PDF' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: '返回' })).toBeTruthy();
  });

  it('prints through the shell under the file name it shows', async () => {
    const calls = serve({ [SHELL_PRINT_TO_PDF]: { saved: null } });
    const { container } = await renderInApp(page(true));
    expect(container.querySelector('[data-print-ready="yes"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '打印 / 保存为 PDF' }));
    await waitFor(() => expect(calls).toEqual([{ name: SHELL_PRINT_TO_PDF, input: { fileName: '花名册-2030-11-02.pdf' } }]));
  });

  it('shows why the data could not be read instead of empty sheets', async () => {
    serve({});
    await renderInApp(
      <PrintPage fileName="x.pdf" orientation="portrait" ready={false} error={new AppError('internal')}>
        <PrintSheet orientation="portrait">不该出现</PrintSheet>
      </PrintPage>,
    );
    expect(screen.getByRole('alert').textContent).toBe(i18n.t('errors:internal'));
    expect(screen.queryByText('不该出现')).toBeNull();
  });
});

describe('PrintTable', () => {
  it('numbers the rows across sheets, with the title on each and the last line once', async () => {
    const items = ['甲', '乙', '丙', '丁', '戊'].map((name, id) => ({ id, name }));
    const { container } = await renderInApp(
      <PrintTable
        items={items}
        perPage={2}
        orientation="portrait"
        title="名单"
        aside={(page) => `第 ${page} 页`}
        headers={['姓名']}
        rowKey={(x) => x.id}
        cells={(x) => [x.name]}
        last={<p>完</p>}
      />,
    );
    const sheets = [...container.querySelectorAll('table')].map((table) => table.parentElement!);
    expect(sheets).toHaveLength(3);
    expect(sheets.map((s) => s.querySelector('span')!.textContent)).toEqual(['第 1 页', '第 2 页', '第 3 页']);
    expect(sheets[2]!.querySelector('tbody')!.textContent).toBe('5戊');
    expect(screen.getAllByText('完')).toHaveLength(1);
    expect(sheets[2]!.textContent).toContain('完');
  });

  it('prints one empty sheet for an empty list', () => {
    expect(paginate([], 10)).toEqual([[]]);
    expect(paginate(undefined, 10)).toEqual([[]]);
    expect(paginate([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});
