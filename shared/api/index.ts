import * as app from './app.js';
import * as auth from './auth.js';
import * as settings from './settings.js';
import * as teachers from './teachers.js';
import * as children from './children.js';
import * as kiosk from './kiosk.js';
import * as attendance from './attendance.js';
import * as library from './library.js';
import * as calls from './calls.js';
import * as birthdays from './birthdays.js';
import * as today from './today.js';
import * as events from './events.js';
import * as summary from './summary.js';
import type { Procedure } from './procedure.js';

/** Every procedure of the app, by name. Both transports and the typed client are built from this. */
export const contracts = {
  [app.info.name]: app.info,
  [app.session.name]: app.session,
  [app.setupRun.name]: app.setupRun,
  [app.setLanguage.name]: app.setLanguage,
  [auth.lockList.name]: auth.lockList,
  [auth.login.name]: auth.login,
  [auth.lock.name]: auth.lock,
  [auth.changeOwnPin.name]: auth.changeOwnPin,
  [auth.enterKiosk.name]: auth.enterKiosk,
  [auth.exitKiosk.name]: auth.exitKiosk,
  [teachers.list.name]: teachers.list,
  [teachers.add.name]: teachers.add,
  [teachers.update.name]: teachers.update,
  [teachers.setActive.name]: teachers.setActive,
  [teachers.resetPin.name]: teachers.resetPin,
  [settings.get.name]: settings.get,
  [settings.update.name]: settings.update,
  [settings.listTerms.name]: settings.listTerms,
  [settings.addTerm.name]: settings.addTerm,
  [settings.updateTerm.name]: settings.updateTerm,
  [settings.removeTerm.name]: settings.removeTerm,
  [settings.auditList.name]: settings.auditList,
  [children.list.name]: children.list,
  [children.get.name]: children.get,
  [children.create.name]: children.create,
  [children.update.name]: children.update,
  [children.archive.name]: children.archive,
  [children.restore.name]: children.restore,
  [children.remove.name]: children.remove,
  [children.completeness.name]: children.completeness,
  [children.classes.name]: children.classes,
  [children.importPreview.name]: children.importPreview,
  [children.importCommit.name]: children.importCommit,
  [children.importTemplate.name]: children.importTemplate,
  [children.exportRoster.name]: children.exportRoster,
  [children.printData.name]: children.printData,
  [kiosk.classes.name]: kiosk.classes,
  [kiosk.classChildren.name]: kiosk.classChildren,
  [kiosk.search.name]: kiosk.search,
  [kiosk.card.name]: kiosk.card,
  [kiosk.toggle.name]: kiosk.toggle,
  [attendance.board.name]: attendance.board,
  [attendance.signIn.name]: attendance.signIn,
  [attendance.signOut.name]: attendance.signOut,
  [attendance.correct.name]: attendance.correct,
  [attendance.childVisits.name]: attendance.childVisits,
  [attendance.hours.name]: attendance.hours,
  [attendance.stats.name]: attendance.stats,
  [attendance.register.name]: attendance.register,
  [attendance.exportRegister.name]: attendance.exportRegister,
  [attendance.setHours.name]: attendance.setHours,
  [library.categories.name]: library.categories,
  [library.saveCategory.name]: library.saveCategory,
  [library.removeCategory.name]: library.removeCategory,
  [library.books.name]: library.books,
  [library.book.name]: library.book,
  [library.isbn.name]: library.isbn,
  [library.createBook.name]: library.createBook,
  [library.updateBook.name]: library.updateBook,
  [library.addCopies.name]: library.addCopies,
  [library.setCopyStatus.name]: library.setCopyStatus,
  [library.labels.name]: library.labels,
  [library.scan.name]: library.scan,
  [library.borrower.name]: library.borrower,
  [library.lend.name]: library.lend,
  [library.giveBack.name]: library.giveBack,
  [library.renew.name]: library.renew,
  [library.loans.name]: library.loans,
  [library.printOverdue.name]: library.printOverdue,
  [library.childHistory.name]: library.childHistory,
  [library.stats.name]: library.stats,
  [library.rules.name]: library.rules,
  [library.setRules.name]: library.setRules,
  [library.importPreview.name]: library.importPreview,
  [library.importCommit.name]: library.importCommit,
  [library.importTemplate.name]: library.importTemplate,
  [library.exportCatalogue.name]: library.exportCatalogue,
  [calls.log.name]: calls.log,
  [calls.remove.name]: calls.remove,
  [calls.list.name]: calls.list,
  [calls.ofChild.name]: calls.ofChild,
  [calls.callHome.name]: calls.callHome,
  [calls.monthly.name]: calls.monthly,
  [calls.exportCalls.name]: calls.exportCalls,
  [calls.rules.name]: calls.rules,
  [calls.setRules.name]: calls.setRules,
  [birthdays.list.name]: birthdays.list,
  [birthdays.month_.name]: birthdays.month_,
  [birthdays.recordParty.name]: birthdays.recordParty,
  [birthdays.printMonth.name]: birthdays.printMonth,
  [today.overview.name]: today.overview,
  [events.categories.name]: events.categories,
  [events.saveCategory.name]: events.saveCategory,
  [events.removeCategory.name]: events.removeCategory,
  [events.list.name]: events.list,
  [events.get.name]: events.get,
  [events.create.name]: events.create,
  [events.update.name]: events.update,
  [events.setStatus.name]: events.setStatus,
  [events.signUp.name]: events.signUp,
  [events.cancel.name]: events.cancel,
  [events.attendance.name]: events.attendance,
  [events.ofChild.name]: events.ofChild,
  [events.stats.name]: events.stats,
  [events.printData.name]: events.printData,
  [events.exportEvent.name]: events.exportEvent,
  [events.kioskEvents.name]: events.kioskEvents,
  [events.kioskSignUp.name]: events.kioskSignUp,
  [events.kioskCancel.name]: events.kioskCancel,
  [summary.compute.name]: summary.compute,
  [summary.save.name]: summary.save,
  [summary.snapshots.name]: summary.snapshots,
  [summary.snapshot.name]: summary.snapshot,
  [summary.exportSummary.name]: summary.exportSummary,
} as const satisfies Record<string, Procedure>;

export type Contracts = typeof contracts;
export type ProcedureName = keyof Contracts;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}

export { app, auth, settings, teachers, children, kiosk, attendance, library, calls, birthdays, today, events, summary };
export type { Access, Procedure, InputOf, OutputOf, ParsedInputOf } from './procedure.js';
