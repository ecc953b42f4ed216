import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors.js';
import { dayOf } from '../../../shared/domain/dates.js';
import { birthdaysBetween } from '../../../shared/domain/birthdays.js';
import type { ChildFile } from '../../../shared/domain/childFile.js';
import type { Db } from '../db/open.js';
import { createChildrenRepo } from './children.repo.js';
import { createVisitsRepo } from '../attendance/visits.repo.js';
import { createCallsRepo } from '../calls/calls.repo.js';
import { createLibraryRepo } from '../library/library.repo.js';
import { createEventsRepo } from '../events/events.repo.js';
import { createBirthdaysRepo } from '../birthdays/birthdays.repo.js';
import { createSettingsRepo, SETTING } from '../settings/settings.repo.js';

/** Every day a visit can be on. */
const ALL_DAYS = ['0000-01-01', '9999-12-31'] as const;

/**
 * One child's whole file, read through each table's own repo. Built on first use: the statements of five
 * domains are prepared when an admin first asks for a file, not at every start.
 */
export function createChildFiles(db: Db) {
  let repos: ReturnType<typeof build> | undefined;
  function build() {
    return {
      children: createChildrenRepo(db),
      visits: createVisitsRepo(db),
      calls: createCallsRepo(db),
      library: createLibraryRepo(db),
      events: createEventsRepo(db),
      birthdays: createBirthdaysRepo(db),
      settings: createSettingsRepo(db),
    };
  }

  return {
    of(id: number, now: number): ChildFile {
      const r = (repos ??= build());
      const child = r.children.get(id);
      const brief = r.children.brief(id);
      if (!child || !brief) throw new AppError('children.notFound');
      const today = dayOf(now);
      // A month-only birth date gives no day to name.
      const next = birthdaysBetween(brief, today, dayjs(today).add(1, 'year').format('YYYY-MM-DD')).find((h) => !h.monthOnly)?.date ?? null;
      return {
        school: r.settings.read(SETTING.schoolName),
        madeAt: now,
        child,
        visits: r.visits.ofChild(id, ...ALL_DAYS),
        calls: r.calls.ofChild(id),
        loans: r.library.historyOf(id, today),
        events: r.events.ofChild(id).map((e) => ({
          title: e.title,
          startsAt: e.startsAt,
          eventStatus: e.eventStatus,
          status: e.status,
          signedBy: e.signedBy,
          signedAt: e.createdAt,
          attended: e.attended,
          sessions: e.sessions,
        })),
        birthdays: { next, parties: r.birthdays.partiesOf(id) },
      };
    },
  };
}
