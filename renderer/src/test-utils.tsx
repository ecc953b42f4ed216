import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { AppError } from '../../shared/errors.js';
import type { AppInfo } from '../../shared/domain/types.js';
import { createQueryClient } from './app/queries.js';
import i18n from './i18n.js';

type Answer = unknown | ((input: unknown) => unknown);

/** The app.info of a set-up school on a fixed day, for components that read the core's today. */
export const schoolInfo = (today: string): AppInfo => ({
  setupDone: true,
  today,
  schoolName: '青山小学',
  roomName: '留守儿童之家',
  language: 'zh-CN',
  idleLockMinutes: 10,
});

/**
 * Answers procedures by name through the preload's door (`window.api`), as Electron's main would,
 * so a component under test runs its real client, queries and error handling. An answer may be a
 * value, a function of the input, or a promise that never settles (a core that has not answered).
 * Returns the calls made, in order.
 */
export function serve(answers: Record<string, Answer>): { name: string; input: unknown }[] {
  const calls: { name: string; input: unknown }[] = [];
  window.api = {
    async call(name, input) {
      calls.push({ name, input });
      if (!(name in answers)) return { ok: false, error: { code: 'internal' } };
      try {
        const answer = answers[name];
        return { ok: true, value: await (typeof answer === 'function' ? (answer as (i: unknown) => unknown)(input) : answer) };
      } catch (err) {
        return { ok: false, error: err instanceof AppError ? err.toPayload() : { code: 'internal' } };
      }
    },
    on: () => () => undefined,
  };
  return calls;
}

/** Renders `ui` inside the providers App gives every page (Mantine, dates, queries, a router). */
export async function renderInApp(ui: ReactElement, { language = 'zh-CN', route = '/' }: { language?: 'zh-CN' | 'en'; route?: string } = {}): Promise<RenderResult> {
  await i18n.changeLanguage(language);
  const client = createQueryClient();
  return render(
    <MantineProvider>
      <DatesProvider settings={{ locale: language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>,
  );
}
