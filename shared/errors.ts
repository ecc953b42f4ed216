/**
 * Every failure that reaches a user is an AppError with a code; the UI translates `errors:<code>`
 * with `params`. Raw exception text never crosses a transport.
 */
export const errorCodes = [
  'internal',
  'input.invalid',
  'input.tooLarge',
  'input.tooDeep',
  'api.unknownProcedure',
  'api.forbidden',
  'api.badToken',
  'api.badOrigin',
  'api.badSession',
  'auth.locked',
  'auth.wrongPin',
  'auth.wrongCurrentPin',
  'auth.teacherLocked',
  'auth.teacherInactive',
  'auth.notFound',
  'auth.kioskWrongPin',
  'auth.kioskLocked',
  'db.tooNew',
  'db.notDurable',
  'db.nativeModule',
  'db.diskFull',
  'db.readOnly',
  'db.busy',
  'db.corrupt',
  'db.io',
  'backup.failed',
  'backup.damaged',
  'backup.notFound',
  'backup.wrongPassword',
  'backup.needsPassword',
  'backup.restoring',
  'backup.folderUnavailable',
  'setup.alreadyDone',
  'teachers.duplicateName',
  'teachers.notFound',
  'teachers.lastAdmin',
  'teachers.cannotDeactivateSelf',
  'terms.overlap',
  'terms.notFound',
  'children.notFound',
  'children.alreadyLeft',
  'children.confirmName',
  'children.hasLoans',
  'import.unreadable',
  'import.notXlsx',
  'import.encrypted',
  'import.empty',
  'import.noHeader',
  'import.noRows',
  'import.expired',
  'import.noRefused',
  'checkins.alreadyIn',
  'checkins.alreadyInFuture',
  'checkins.notIn',
  'checkins.childLeft',
  'kiosk.unknownCard',
  'attendance.visitNotFound',
  'attendance.outBeforeIn',
  'attendance.otherDay',
  'attendance.futureTime',
  'attendance.cannotUndo',
  'library.alreadyLent',
  'library.sameTitle',
  'library.bookNotFound',
  'library.categoryInUse',
  'library.categoryNotFound',
  'library.childLeft',
  'library.childOverdue',
  'library.copyNotFound',
  'library.copyOnLoan',
  'library.copyJustLent',
  'library.copyLost',
  'library.copyDamaged',
  'library.copyWithdrawn',
  'library.duplicateBarcode',
  'library.duplicateCategory',
  'library.duplicateIsbn',
  'library.limitReached',
  'library.loanNotFound',
  'library.notOnLoan',
  'library.renewLimit',
  'library.renewOverdue',
  'library.unknownBarcode',
  'library.unknownCode',
  'calls.contactNotFound',
  'calls.inFuture',
  'calls.notFound',
  'care.notFound',
  'care.childLeft',
  'care.inFuture',
  'care.mentorMismatch',
  'care.teacherInactive',
  'care.personNotFound',
  'care.alreadyPaired',
  'care.pairingEnded',
  'care.endBeforeStart',
  'care.followUpBefore',
  'care.noFollowUp',
  'care.alreadyMarked',
  'care.attentionEnded',
  'care.forbidden',
  'care.pairNeedsAdmin',
  'care.planReviewed',
  'birthdays.partyInFuture',
  'birthdays.partyOtherMonth',
  'range.tooLong',
  'summary.noTerm',
  'summary.notFound',
  'summary.badRange',
  'events.notFound',
  'events.full',
  'events.notOpen',
  'events.windowNotOpen',
  'events.windowClosed',
  'events.gradeNotAllowed',
  'events.childLeft',
  'events.alreadySignedUp',
  'events.notSignedUp',
  'events.hasAttendance',
  'events.sessionNotFound',
  'events.categoryNotFound',
  'events.askTeacher',
  'events.duplicateCategory',
  'events.categoryInUse',
  'events.sessionInFuture',
  'rota.endBeforeStart',
  'rota.rangeTooLong',
  'rota.teacherInactive',
  'rota.closedDay',
  'rota.noChange',
  'rota.swapSameDay',
  'rota.swapNeedsOne',
  'rota.calendarNotFound',
  'rota.noteInFuture',
  'firstrun.recoveryLocked',
  'firstrun.notAdmin',
  'firstrun.wrongCode',
  'firstrun.confirmMismatch',
  'firstrun.notDemo',
  'calls.notYours',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number | boolean | null | readonly FieldIssue[]>;

/** One field problem of an `input.invalid` error; `message` is an i18n key in the `validation` namespace. */
export interface FieldIssue {
  path: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ErrorPayload {
  code: ErrorCode;
  params?: ErrorParams;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;

  constructor(code: ErrorCode, params?: ErrorParams) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toPayload(): ErrorPayload {
    return this.params === undefined ? { code: this.code } : { code: this.code, params: this.params };
  }

  static fromPayload(p: ErrorPayload): AppError {
    return new AppError(isErrorCode(p.code) ? p.code : 'internal', p.params);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

export function fieldIssues(error: AppError): readonly FieldIssue[] {
  const issues = error.params?.issues;
  return Array.isArray(issues) ? (issues as readonly FieldIssue[]) : [];
}
