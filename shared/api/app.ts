import { z } from 'zod';
import { domain } from './procedure.js';
import { language } from '../domain/fields.js';
import { appInfoSchema } from '../domain/types.js';

/** The app's names, language and the core's today: what every screen needs before it knows who it is. */
export const app = domain('app', {
  info: { access: 'any', input: z.object({}), output: appInfoSchema, reads: ['app', 'settings'] },
  setLanguage: { access: 'desk', input: z.object({ language }), output: appInfoSchema, changes: ['app', 'settings'] },
});
