import { z } from 'zod';
import { domain } from './procedure.js';
import { typed } from './typed.js';
import { language } from '../domain/fields.js';
import type { AppInfo } from '../domain/types.js';

/** The app's names, language and the core's today: what every screen needs before it knows who it is. */
export const app = domain('app', {
  info: { access: 'any', input: z.object({}), output: typed<AppInfo>(), reads: ['app', 'settings'] },
  setLanguage: { access: 'desk', input: z.object({ language }), output: typed<AppInfo>(), changes: ['app', 'settings'] },
});
