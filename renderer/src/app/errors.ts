import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { AppError, fieldIssues, type FieldIssue } from '../../../shared/errors.js';
import { toFieldIssues } from '../../../shared/api/validation.js';

type Translate = ReturnType<typeof useTranslation>['t'];

function issueText(t: Translate, issue: FieldIssue): string {
  return t(`validation:${issue.message}`, issue.params ?? {});
}

/** An error of any kind as one translated sentence. */
export function useErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown) => {
      const e = err instanceof AppError ? err : new AppError('internal');
      const params: Record<string, unknown> = { ...(e.params ?? {}) };
      if (typeof params.until === 'number') params.time = dayjs(params.until).format('HH:mm');
      const text = t(`errors:${e.code}`, params);
      // Where no field can show it, say what was wrong in the same sentence.
      const issues = fieldIssues(e);
      return issues.length === 0 ? text : `${text}（${issues.map((i) => issueText(t, i)).join('；')}）`;
    },
    [t],
  );
}

/** Field errors for @mantine/form from the same zod schema the core uses, translated. */
export function useSchemaValidate<V = unknown>(schema: z.ZodType, extra?: (values: V) => FieldIssue[]) {
  const { t } = useTranslation();
  return useCallback(
    (values: V): Record<string, string> => {
      const parsed = schema.safeParse(values);
      const issues = [...(parsed.success ? [] : toFieldIssues(parsed.error)), ...(extra?.(values) ?? [])];
      const errors: Record<string, string> = {};
      for (const issue of issues) errors[issue.path] ??= issueText(t, issue);
      return errors;
    },
    [schema, extra, t],
  );
}

/** The core's `input.invalid` as form errors; true when it was one. */
export function useFieldErrors(): (err: unknown, setErrors: (errors: Record<string, string>) => void) => boolean {
  const { t } = useTranslation();
  return useCallback(
    (err, setErrors) => {
      if (!(err instanceof AppError) || err.code !== 'input.invalid') return false;
      const errors: Record<string, string> = {};
      for (const issue of fieldIssues(err)) errors[issue.path] ??= issueText(t, issue);
      setErrors(errors);
      return true;
    },
    [t],
  );
}
