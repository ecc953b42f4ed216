import {
  IconBook,
  IconCake,
  IconCalendarEvent,
  IconChecklist,
  IconCalendarUser,
  IconFileReport,
  IconHeartHandshake,
  IconHome,
  IconPhone,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

/** Every section of the desk, in the order of the navigation (DESIGN.md "Screens"). */
export const sections = [
  { key: 'today', path: '/', icon: IconHome },
  { key: 'children', path: '/children', icon: IconUsers },
  { key: 'attendance', path: '/attendance', icon: IconChecklist },
  { key: 'library', path: '/library', icon: IconBook },
  { key: 'calls', path: '/calls', icon: IconPhone },
  { key: 'birthdays', path: '/birthdays', icon: IconCake },
  { key: 'events', path: '/events', icon: IconCalendarEvent },
  { key: 'care', path: '/care', icon: IconHeartHandshake },
  { key: 'summary', path: '/summary', icon: IconFileReport },
  { key: 'rota', path: '/rota', icon: IconCalendarUser },
  { key: 'settings', path: '/settings', icon: IconSettings },
] as const satisfies readonly { key: string; path: string; icon: Icon }[];

export type Section = Exclude<(typeof sections)[number]['key'], 'settings'>;
