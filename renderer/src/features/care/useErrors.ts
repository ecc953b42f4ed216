import { useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors.js';
import { useFormFailure } from '../../app/forms.js';

/** A care dialog's field errors and its one-line failure (the house's useFormFailure, without @mantine/form). */
export function useErrors(onField: Partial<Record<ErrorCode, string>> = {}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { failure, onError } = useFormFailure({ setErrors, setFieldError: (p, e) => setErrors((x) => ({ ...x, [p]: e })) }, onField);
  return { errors, setErrors, failure, onError };
}
