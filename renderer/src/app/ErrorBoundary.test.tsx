// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import i18n from '../i18n.js';
import { ErrorBoundary } from './ErrorBoundary.js';

function Broken(): never {
  throw new Error('render failed');
}

afterEach(cleanup);

describe('ErrorBoundary', () => {
  it.each([
    ['zh-CN', '界面出错了', '重新加载'],
    ['en', 'Something went wrong', 'Reload'],
  ])('shows a translated message in %s instead of a white screen', async (lng, title, button) => {
    await i18n.changeLanguage(lng);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <MantineProvider>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </MantineProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain(title);
    expect(screen.getByRole('button', { name: button })).toBeTruthy();
    expect(document.body.textContent).not.toContain('render failed');
    quiet.mockRestore();
  });
});
