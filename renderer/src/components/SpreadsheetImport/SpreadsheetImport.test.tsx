// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { AppError } from '../../../../shared/errors.js';
import { renderInApp } from '../../test-utils.js';
import { SpreadsheetImport, type SheetPreview } from './SpreadsheetImport.js';

interface FruitRow {
  sheet: string;
  row: number;
  status: 'new' | 'error';
  name: string;
  problems: { field: string; message: string; level: 'error' | 'warning' }[];
}
type FruitPreview = SheetPreview<FruitRow> & { counts: { new: number; error: number } };

const preview = (sheets: string[]): FruitPreview => ({
  importId: 'imp-1',
  fileName: '水果.xlsx',
  sheet: sheets[0]!,
  headerRow: 2,
  ignoredColumns: ['备注'],
  rows: [
    { sheet: sheets[0]!, row: 3, status: 'new', name: '苹果', problems: [] },
    { sheet: sheets.at(-1)!, row: 4, status: 'error', name: '', problems: [{ field: 'name', message: 'required', level: 'error' }] },
  ],
  counts: { new: 1, error: 1 },
  skipped: { hidden: 0, totals: 1, empty: 2 },
});

function setup(read: (file: { fileName: string; data: string }) => Promise<FruitPreview>) {
  const commit = vi.fn(async (importId: string) => ({ created: importId === 'imp-1' ? 1 : 0 }));
  const ui = (
    <SpreadsheetImport<FruitRow, FruitPreview, { created: number }>
      title="导入水果"
      intro="选择一个表格"
      read={read}
      commit={commit}
      template={async () => ({ fileName: '模板.xlsx', data: '' })}
      counts={(p) => `新建 ${p.counts.new} · 有错误 ${p.counts.error}`}
      statusLabel={(s) => (s === 'new' ? '新建' : '有错误')}
      statusColor={{ new: 'teal', error: 'red' }}
      columns={[{ header: '名称', cell: (r) => r.name }]}
      fieldName={(f) => (f === 'name' ? '名称' : f)}
      confirmLabel={(p) => `导入 ${p.counts.new} 个`}
      outcome={(r) => ({ color: 'teal', text: `已导入 ${r.created} 个`, action: <button type="button">去看看</button> })}
    />
  );
  return { commit, ui };
}

const choose = (container: HTMLElement, name: string) => {
  const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
  fireEvent.change(input, { target: { files: [new File([new Uint8Array([80, 75, 3, 4])], name)] } });
};

afterEach(cleanup);

describe('SpreadsheetImport', () => {
  it('reads the chosen file, previews every row with its problems, and writes on confirm', async () => {
    const read = vi.fn(async () => preview(['Sheet1']));
    const { commit, ui } = setup(read);
    const { container } = await renderInApp(ui);
    choose(container, '水果.xlsx');
    expect((await screen.findByTestId('import-counts')).textContent).toBe('新建 1 · 有错误 1');
    expect(read).toHaveBeenCalledWith({ fileName: '水果.xlsx', data: 'UEsDBA==' });
    expect(screen.getByText('文件“水果.xlsx”，工作表“Sheet1”，表头在第 2 行')).toBeTruthy();
    expect(container.querySelector('tr[data-row="3"]')!.textContent).toContain('苹果');
    expect(container.querySelector('tr[data-row="4"]')!.textContent).toContain('名称：请填写此项');
    expect(screen.queryByRole('columnheader', { name: '工作表' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '导入 1 个' }));
    expect((await screen.findByRole('status')).textContent).toBe('已导入 1 个 去看看');
    expect(commit).toHaveBeenCalledWith('imp-1');
    expect(screen.queryByTestId('import-preview')).toBeNull();
  });

  it('names the sheet of each row when the rows come from more than one', async () => {
    const { ui } = setup(async () => preview(['一班', '二班']));
    const { container } = await renderInApp(ui);
    choose(container, '水果.xlsx');
    expect(await screen.findByRole('columnheader', { name: '工作表' })).toBeTruthy();
    expect(container.querySelector('tr[data-row="4"]')!.textContent).toContain('二班');
  });

  it("shows why a file could not be read, and Cancel drops a preview", async () => {
    let fail = true;
    const { ui } = setup(async () => {
      if (fail) throw new AppError('import.noHeader');
      return preview(['Sheet1']);
    });
    const { container } = await renderInApp(ui);
    choose(container, '空的.xlsx');
    expect((await screen.findByRole('alert')).textContent).toContain('找不到');
    fail = false;
    choose(container, '水果.xlsx');
    await screen.findByTestId('import-preview');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull());
  });
});
