import { z } from 'zod';
import { domain } from './procedure.js';
import { sessionViewSchema } from '../domain/types.js';

/** Who this window is: a locked desk, a teacher, or the kiosk. Changes reach the renderer as session events. */
export const session = domain('session', {
  get: { access: 'any', input: z.object({}), output: sessionViewSchema },
});
