// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInApp } from '../../test-utils.js';
import { ReasonDialog, type ReasonDialogProps } from './ReasonDialog.js';

type Extra = Partial<Omit<ReasonDialogProps, 'reason'>> & { asked?: boolean };

function Harness({ onSubmit = () => undefined, onClose = () => undefined, asked = true, ...rest }: Extra) {
  const [reason, setReason] = useState('');
  return (
    <ReasonDialog
      opened
      onClose={onClose}
      title="删除联系记录"
      reason={asked ? { label: '删除原因', value: reason, onChange: (e) => setReason(e.currentTarget.value) } : null}
      submitLabel="删除"
      onSubmit={onSubmit}
      {...rest}
    />
  );
}

afterEach(cleanup);

describe('ReasonDialog', () => {
  it('asks for the reason, with what is about to happen above it, and sends it', async () => {
    const onSubmit = vi.fn();
    await renderInApp(
      <Harness onSubmit={onSubmit}>
        <p>张三丽有 1 本书逾期未还</p>
      </Harness>,
    );
    const dialog = await screen.findByRole('dialog', { name: '删除联系记录' });
    expect(dialog.textContent).toContain('张三丽有 1 本书逾期未还');
    fireEvent.change(screen.getByLabelText('删除原因'), { target: { value: '记错了孩子' } });
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('refuses a blank reason when it is required, until one is written', async () => {
    const onSubmit = vi.fn();
    await renderInApp(<Harness onSubmit={onSubmit} required />);
    fireEvent.click(await screen.findByRole('button', { name: '删除' }));
    expect(await screen.findByText('请填写此项')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('删除原因'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('删除原因'), { target: { value: '老师同意' } });
    await waitFor(() => expect(screen.queryByText('请填写此项')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("shows the core's refusal and closes on Cancel", async () => {
    const onClose = vi.fn();
    await renderInApp(<Harness onClose={onClose} failure="没有这条记录" />);
    expect((await screen.findByRole('alert')).textContent).toBe('没有这条记录');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('asks no reason when none is needed this time', async () => {
    const onSubmit = vi.fn();
    await renderInApp(<Harness asked={false} required onSubmit={onSubmit} />);
    await screen.findByRole('dialog');
    expect(screen.queryByLabelText('删除原因')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('speaks English too', async () => {
    await renderInApp(<Harness required />, { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: '删除' }));
    expect(await screen.findByText('Please fill this in')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });
});
