import type { z } from 'zod';
import type { FieldIssue } from '../errors.js';

/**
 * Zod issues as field issues. Our schemas put an i18n key (namespace `validation`) in each message;
 * zod's own messages (a wrong type, say) become `validation:invalid`.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const message = issue.message.startsWith('validation:') ? issue.message.slice('validation:'.length) : 'invalid';
    const params: Record<string, string | number> = {};
    if (issue.code === 'too_big') params.max = Number(issue.maximum);
    if (issue.code === 'too_small') params.min = Number(issue.minimum);
    if (issue.code === 'custom' && issue.params) {
      for (const [k, v] of Object.entries(issue.params)) {
        if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      }
    }
    return Object.keys(params).length > 0 ? { path, message, params } : { path, message };
  });
}
