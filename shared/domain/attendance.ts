import type { Day } from './dates.js';
import type { AwayParents } from './normalize.js';

export interface Visit {
  id: number;
  childId: number;
  day: Day;
  inAt: number;
  outAt: number | null;
  inBy: 'kiosk' | 'teacher';
  outBy: 'kiosk' | 'teacher' | 'closing' | null;
  notSignedOut: boolean;
}

/** All the kiosk may know of a child: name and class, and whether they are in. */
export interface KioskChild {
  id: number;
  name: string;
  givenName: string;
  grade: number;
  classNo: number;
  state: 'in' | 'out';
}

export interface KioskResult {
  action: 'in' | 'out';
  childId: number;
  name: string;
  givenName: string;
  at: number;
  /** Today is the child's birthday: the kiosk says 生日快乐. */
  birthday: boolean;
  /** A second tap within a few seconds: nothing changed, the first result is shown again. */
  repeated: boolean;
}

export interface BoardChild {
  id: number;
  name: string;
  grade: number;
  classNo: number;
  awayParents: AwayParents;
  state: 'in' | 'left' | 'none';
  firstIn: number | null;
  lastOut: number | null;
  visits: number;
  /** A visit of the day was closed at the end of the day without a sign-out. */
  notSignedOut: boolean;
  /** The open visit, to sign out or correct. */
  openVisitId: number | null;
}

export interface Board {
  day: Day;
  children: BoardChild[];
  counts: { in: number; left: number; none: number };
  /** When the room closes on this day (opening hours), or null when it keeps none. */
  closesAt: number | null;
  /** The core's now, so the desk compares times with the core's clock, not its own. */
  now: number;
}
