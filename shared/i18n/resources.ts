import zhCommon from './locales/zh-CN/common.json';
import zhNav from './locales/zh-CN/nav.json';
import zhSetup from './locales/zh-CN/setup.json';
import zhAuth from './locales/zh-CN/auth.json';
import zhKiosk from './locales/zh-CN/kiosk.json';
import zhSettings from './locales/zh-CN/settings.json';
import zhErrors from './locales/zh-CN/errors.json';
import zhValidation from './locales/zh-CN/validation.json';
import zhChildren from './locales/zh-CN/children.json';
import zhAttendance from './locales/zh-CN/attendance.json';
import zhLibrary from './locales/zh-CN/library.json';
import zhCalls from './locales/zh-CN/calls.json';
import zhBirthdays from './locales/zh-CN/birthdays.json';
import zhToday from './locales/zh-CN/today.json';
import zhEvents from './locales/zh-CN/events.json';
import zhSummary from './locales/zh-CN/summary.json';
import zhBackups from './locales/zh-CN/backups.json';
import zhCare from './locales/zh-CN/care.json';
import zhRota from './locales/zh-CN/rota.json';
import enCommon from './locales/en/common.json';
import enNav from './locales/en/nav.json';
import enSetup from './locales/en/setup.json';
import enAuth from './locales/en/auth.json';
import enKiosk from './locales/en/kiosk.json';
import enSettings from './locales/en/settings.json';
import enErrors from './locales/en/errors.json';
import enValidation from './locales/en/validation.json';
import enChildren from './locales/en/children.json';
import enAttendance from './locales/en/attendance.json';
import enLibrary from './locales/en/library.json';
import enCalls from './locales/en/calls.json';
import enBirthdays from './locales/en/birthdays.json';
import enToday from './locales/en/today.json';
import enEvents from './locales/en/events.json';
import enSummary from './locales/en/summary.json';
import enBackups from './locales/en/backups.json';
import enCare from './locales/en/care.json';
import enRota from './locales/en/rota.json';

export const namespaces = ['common', 'nav', 'setup', 'auth', 'kiosk', 'settings', 'errors', 'validation', 'children', 'attendance', 'library', 'calls', 'birthdays', 'today', 'events', 'summary', 'backups', 'care', 'rota'] as const;
export type Namespace = (typeof namespaces)[number];

/** zh-CN is the default and the fallback; en is complete (a test fails on any missing key). */
export const resources = {
  'zh-CN': {
    common: zhCommon,
    nav: zhNav,
    setup: zhSetup,
    auth: zhAuth,
    kiosk: zhKiosk,
    settings: zhSettings,
    errors: zhErrors,
    validation: zhValidation,
    children: zhChildren,
    attendance: zhAttendance,
    library: zhLibrary,
    calls: zhCalls,
    birthdays: zhBirthdays,
    today: zhToday,
    events: zhEvents,
    summary: zhSummary,
    backups: zhBackups,
    care: zhCare,
    rota: zhRota,
  },
  en: {
    common: enCommon,
    nav: enNav,
    setup: enSetup,
    auth: enAuth,
    kiosk: enKiosk,
    settings: enSettings,
    errors: enErrors,
    validation: enValidation,
    children: enChildren,
    attendance: enAttendance,
    library: enLibrary,
    calls: enCalls,
    birthdays: enBirthdays,
    today: enToday,
    events: enEvents,
    summary: enSummary,
    backups: enBackups,
    care: enCare,
    rota: enRota,
  },
} as const;
