import type { SummaryFigures } from '../../../shared/domain/summary.js';
import type { Stats } from '../stats/stats.js';

/**
 * The term summary: every figure of the range, each as electron/core/stats defines it (and as
 * shared/domain/summary.ts words it), so the summary agrees with each section's own figures.
 */
export function createSummaryService(stats: Stats) {
  return {
    compute(from: string, to: string): SummaryFigures {
      const library = stats.library(from, to);
      const events = stats.events(from, to);
      return {
        from,
        to,
        school: stats.school(from),
        children: stats.children(from, to),
        room: stats.room(from, to),
        contact: stats.contact(from, to),
        birthdays: stats.birthdays(from, to),
        library: {
          loans: library.loans,
          readers: library.readers,
          topReaders: library.topReaders,
          topTitles: library.topTitles.map(({ bookId, title, loans }) => ({ bookId, title, loans })),
          overdueAtEnd: stats.overdueAtEnd(to),
        },
        events: {
          held: events.held.map(({ key, name, events: n }) => ({ key, name, events: n })),
          signups: events.signups,
          attendances: events.attendances,
          takingPart: events.takingPart,
          sessions: events.sessions,
          list: events.list,
        },
        care: stats.care.figures(from, to),
      };
    },
  };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
