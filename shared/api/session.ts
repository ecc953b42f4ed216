import { z } from 'zod';
import { domain } from './procedure.js';
import { typed } from './typed.js';
import type { SessionView } from '../domain/types.js';

/** Who this window is: a locked desk, a teacher, or the kiosk. Changes reach the renderer as session events. */
export const session = domain('session', {
  get: { access: 'any', input: z.object({}), output: typed<SessionView>() },
});
