// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderInApp, schoolInfo, serve } from '../../test-utils.js';
import type { TodayOverview } from '../../../../shared/domain/today.js';
import { TodayPage } from './TodayPage.js';

afterEach(cleanup);

const overview = (inRoom: TodayOverview['inRoom']): TodayOverview => ({
  today: '2026-11-27',
  inRoom,
  birthdaysToday: [],
  birthdaysWeek: [],
  overdue: { count: 0, loans: [] },
  callHome: { days: 30, count: 0, children: [] },
  records: { total: 70, incomplete: 0, rate: 1 },
  term: null,
  events: [],
});

const inRoom = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `孩子${i + 1}`, grade: 3, classNo: 1, since: 0 }));

describe("Today's room card", () => {
  it('names the children the core sends and counts the others, pointing to the board', async () => {
    serve({ 'app.info': schoolInfo('2026-11-27'), 'today.overview': overview({ count: 65, children: inRoom(60) }) });
    await renderInApp(<TodayPage />);
    expect((await screen.findByTestId('today-room-more')).textContent).toBe('还有 5 人，见签到考勤。');
    const room = screen.getByTestId('today-room');
    expect(room.textContent).toContain('在活动室：65 人');
    expect(room.querySelectorAll('.mantine-Badge-root')).toHaveLength(60);
  });

  it('says nothing more when every child in the room is named', async () => {
    serve({ 'app.info': schoolInfo('2026-11-27'), 'today.overview': overview({ count: 3, children: inRoom(3) }) });
    await renderInApp(<TodayPage />);
    expect(await screen.findByText('孩子3')).toBeTruthy();
    expect(screen.queryByTestId('today-room-more')).toBeNull();
  });
});
