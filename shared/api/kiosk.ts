import { z } from 'zod';
import { procedure } from './procedure.js';
import { id } from '../domain/fields.js';
import type { KioskChild, KioskResult } from '../domain/attendance.js';

/** The kiosk's procedures: names and classes of active children, and the one sign-in/out button. */
export const classes = procedure<{ grade: number; classNo: number }[]>()({ name: 'kiosk.classes', access: 'kiosk', input: z.object({}) });
export const classChildren = procedure<KioskChild[]>()({
  name: 'kiosk.classChildren',
  access: 'kiosk',
  input: z.object({ grade: z.number().int().min(1).max(6), classNo: z.number().int().min(1).max(30) }),
});
export const search = procedure<KioskChild[]>()({
  name: 'kiosk.search',
  access: 'kiosk',
  input: z.object({ q: z.string().max(30) }),
});
export const card = procedure<KioskChild>()({
  name: 'kiosk.card',
  access: 'kiosk',
  input: z.object({ code: z.string().max(40) }),
});
export const toggle = procedure<KioskResult>()({ name: 'kiosk.toggle', access: 'kiosk', input: z.object({ childId: id }) });
