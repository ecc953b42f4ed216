import { z } from 'zod';
import { domain } from './procedure.js';
import { auditEntrySchema } from '../domain/types.js';

export const audit = domain('audit', {
  list: {
    access: 'admin',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(auditEntrySchema),
    reads: ['audit'],
  },
});
