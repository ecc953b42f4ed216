import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, CloseButton, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { BoardChild, FutureVisit } from '../../../../shared/domain/attendance.js';
import { api } from '../../api.js';
import { useProcedure, useProcedureMutation } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { useToday } from '../../app/useToday.js';
import { downloadFile } from '../../files.js';
import { useNavigate } from 'react-router';
import { IconFileSpreadsheet, IconPrinter, IconSearch } from '@tabler/icons-react';
import { BoardColumn, type Held, type RowHandlers } from './BoardColumn.js';
import { Correct, DeleteVisit, hhmm, LatestVisit, SignOutAll } from './VisitDialogs.js';

/**
 * Visits timed after now listed by name, each with its own "correct" button; the rest are counted. After the
 * clock was set back, a whole afternoon's visits can be "later than now" (a thousand on a big school), and a
 * button for each made the board take seconds to draw; setting the clock right clears them all at once.
 */
const FUTURE_LISTED = 10;

/** Matches a typed query against a name, its full pinyin or its initials, as the kiosk does. */
function matches(c: BoardChild, q: string): boolean {
  if (q === '') return true;
  const plain = q.normalize('NFKC').toLowerCase().replace(/[\s·'’]+/g, '');
  return c.name.replace('·', '').includes(plain) || c.pinyin.startsWith(plain) || c.initials.startsWith(plain);
}

/** Who is in the room, who came and left, who has not come — by class, refreshed as it changes. */
export function AttendancePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const today = useToday() ?? null;
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const day = picked ?? today ?? '';
  const isToday = day === today;
  const board = useProcedure(
    'attendance.board',
    { day },
    {
      enabled: day !== '',
      // Pushed when anything changes (kiosk taps included); the slow poll only covers a lost connection.
      refetchInterval: isToday ? 30_000 : false,
      staleTime: 0,
    },
  );
  const [correcting, setCorrecting] = useState<BoardChild | null>(null);
  const [deleting, setDeleting] = useState<BoardChild | null>(null);
  const [fixing, setFixing] = useState<FutureVisit | null>(null);
  const [askAll, setAskAll] = useState(false);
  const [held, setHeld] = useState<Record<number, Held>>({});
  // Each column's box: a row acted on is held in place only while the pointer is over its column when the
  // answer arrives. An answer that comes after the pointer left moves the row at once (nothing would release it).
  const columnEls = useRef<Partial<Record<BoardChild['state'], HTMLDivElement | null>>>({});
  // Two procedures, so a plain mutation: each call's `changed` refreshes the board all the same.
  const act = useMutation({
    mutationFn: ({ child, action }: { child: BoardChild; action: 'in' | 'out' }) =>
      action === 'in' ? api.attendance.signIn({ childId: child.id }) : api.attendance.signOut({ childId: child.id }),
    onSuccess: (v, { child, action }) => {
      if (columnEls.current[child.state]?.matches(':hover') !== true) return;
      setHeld((h) => ({ ...h, [child.id]: { column: child.state, action, visitId: v.id, at: action === 'in' ? v.inAt : (v.outAt ?? v.inAt) } }));
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const undo = useMutation({
    mutationFn: ({ h }: { child: BoardChild; h: Held }) => api.attendance.undo({ visitId: h.visitId, action: h.action }),
    onSuccess: (_v, { child, h }) => {
      setHeld(({ [child.id]: _gone, ...rest }) => rest);
      notifications.show({ color: 'gray', message: t('attendance:undone', { name: child.name, what: t(h.action === 'in' ? 'attendance:signIn' : 'attendance:signOut') }) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const release = (column: BoardChild['state']) =>
    setHeld((h) => (Object.values(h).some((x) => x.column === column) ? Object.fromEntries(Object.entries(h).filter(([, x]) => x.column !== column)) : h));
  // The column's mouseleave alone is not enough: the held note replaces the button under the pointer, and a
  // pointer leaving a removed element gets no leave event. Any move over the page outside a held column releases
  // it; a row's open menu (drawn in a portal outside the column) counts as inside, as React's mouseleave had it.
  const heldRef = useRef(held);
  heldRef.current = held;
  useEffect(() => {
    const onMove = (e: PointerEvent) => {
      const at = e.target instanceof Node ? e.target : null;
      if (at instanceof Element && at.closest('[role="menu"]')) return;
      for (const column of new Set(Object.values(heldRef.current).map((x) => x.column))) {
        if (at === null || columnEls.current[column]?.contains(at) !== true) release(column);
      }
    };
    document.addEventListener('pointermove', onMove, { passive: true });
    return () => document.removeEventListener('pointermove', onMove);
  }, []);

  const exportDay = useProcedureMutation('attendance.exportRegister', {
    input: () => ({ day }),
    onSuccess: downloadFile,
    onError: (err) => notifications.show({ color: 'red', message: errorText(err) }),
  });
  const b = board.data;
  const all = useMemo(() => b?.children ?? [], [b]);
  const inRoom = all.filter((c) => c.state === 'in');
  const shown = useMemo(() => all.filter((c) => matches(c, q.trim())), [all, q]);
  // Each column's rows, the same arrays until the board, the search or a held row changes (the columns are memoized).
  const lists = useMemo(() => {
    const by: Record<BoardChild['state'], BoardChild[]> = { in: [], left: [], none: [] };
    for (const c of shown) by[held[c.id]?.column ?? c.state].push(c);
    return by;
  }, [shown, held]);
  const closingNow = b !== undefined && isToday && b.closesAt !== null && b.now >= b.closesAt && inRoom.length > 0;

  // The rows' handlers: one object for the page's life, reading the latest mutations, so the memoized rows
  // are not drawn again because the page was.
  const latest = useRef({ act, undo });
  latest.current = { act, undo };
  const on = useMemo<RowHandlers>(
    () => ({
      act: (child, action) => latest.current.act.mutate({ child, action }),
      undo: (child, h) => latest.current.undo.mutate({ child, h }),
      correct: setCorrecting,
      remove: setDeleting,
    }),
    [],
  );
  // Each column's box ref and release, the same functions for the page's life.
  const columnProps = useMemo(() => {
    const of = (state: BoardChild['state']) => ({
      rootRef: (el: HTMLDivElement | null) => {
        columnEls.current[state] = el;
      },
      onRelease: () => release(state),
    });
    return { in: of('in'), left: of('left'), none: of('none') };
  }, []);
  const column = (state: BoardChild['state'], title: string, color: string, testId: string, main: 'in' | 'out') => (
    <BoardColumn
      title={title}
      list={lists[state]}
      color={color}
      testId={testId}
      now={b?.now}
      held={held}
      main={isToday ? main : null}
      pending={act.isPending}
      undoing={undo.isPending}
      on={on}
      {...columnProps[state]}
    />
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm">
          <Title order={2} style={{ whiteSpace: 'nowrap' }}>
            {t('attendance:title')}
          </Title>
          {b && (
            <Text c="dimmed" data-testid="board-counts">
              {t('attendance:counts', { in: b.counts.in, left: b.counts.left, none: b.counts.none })}
            </Text>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <DateInput value={day || null} onChange={(d) => setPicked(d)} valueFormat="YYYY-MM-DD" w={130} aria-label={t('attendance:day')} maxDate={today ?? undefined} />
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/register?day=${day}`)}>
            {t('attendance:printRegister')}
          </Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exportDay.isPending} onClick={() => exportDay.mutate()}>
            {t('attendance:exportRegister')}
          </Button>
        </Group>
      </Group>
      {b?.closedFor && (
        <Alert color="gray" data-testid="board-closed">
          {t('attendance:closedDay', { name: b.closedFor })}
        </Alert>
      )}
      <Group gap="sm" wrap="nowrap">
        <TextInput
          w={320}
          leftSection={<IconSearch size={16} />}
          placeholder={t('attendance:searchPlaceholder')}
          aria-label={t('attendance:search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && setQ('')}
          rightSection={q !== '' ? <CloseButton size="sm" aria-label={t('attendance:clearSearch')} onClick={() => setQ('')} /> : null}
          data-testid="board-search"
        />
        {q.trim() !== '' && shown.length === 0 && <Text c="dimmed">{t('attendance:noMatch', { q: q.trim() })}</Text>}
        {isToday && inRoom.length > 0 && !closingNow && (
          <Button variant="light" color="orange" ml="auto" onClick={() => setAskAll(true)}>
            {t('attendance:signOutAll')}
          </Button>
        )}
      </Group>
      {closingNow && (
        <Alert color="red" variant="filled" title={t('attendance:closingTitle', { time: hhmm(b.closesAt) })} role="alert" data-testid="closing-alert">
          <Group justify="space-between" wrap="nowrap">
            <Text>{t('attendance:closingBody', { count: inRoom.length, names: inRoom.map((c) => c.name).join(t('attendance:listSep')) })}</Text>
            <Button color="red" variant="white" onClick={() => setAskAll(true)} style={{ flexShrink: 0 }}>
              {t('attendance:signOutAll')}
            </Button>
          </Group>
        </Alert>
      )}
      {b !== undefined && b.future.length > 0 && (
        <Alert color="orange" title={t('attendance:futureTitle')} role="alert" data-testid="future-visits">
          <Stack gap={4}>
            <Text size="sm">{t('attendance:futureBody')}</Text>
            {b.future.slice(0, FUTURE_LISTED).map((v) => (
              <Group key={v.id} gap="xs" data-testid="future-visit">
                <Text size="sm" fw={600}>
                  {t('attendance:futureRow', { name: v.name, day: v.day, times: `${hhmm(v.inAt)}${v.outAt === null ? '' : `–${hhmm(v.outAt)}`}` })}
                </Text>
                <Button size="compact-xs" variant="light" color="orange" onClick={() => setFixing(v)}>
                  {t('attendance:correct')}
                </Button>
              </Group>
            ))}
            {b.future.length > FUTURE_LISTED && (
              <Text size="sm" data-testid="future-more">
                {t('attendance:futureMore', { count: b.future.length - FUTURE_LISTED })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={3} spacing="sm">
        {column('in', t('attendance:inRoom'), 'teal', 'board-in', 'out')}
        {column('left', t('attendance:cameAndLeft'), 'gray', 'board-left', 'in')}
        {column('none', t('attendance:notCome'), 'orange', 'board-none', 'in')}
      </SimpleGrid>
      {correcting && (
        <LatestVisit child={correcting} day={day}>
          {(visit) => <Correct name={correcting.name} visit={visit} day={day} onClose={() => setCorrecting(null)} />}
        </LatestVisit>
      )}
      {deleting && (
        <LatestVisit child={deleting} day={day}>
          {(visit) => <DeleteVisit name={deleting.name} visit={visit} onClose={() => setDeleting(null)} />}
        </LatestVisit>
      )}
      {askAll && <SignOutAll children={inRoom} onClose={() => setAskAll(false)} />}
      {/* A visit timed after now is moved to the board's day: a day the clock has reached. */}
      {fixing && <Correct name={fixing.name} visit={fixing} day={day} onClose={() => setFixing(null)} />}
    </Stack>
  );
}
