import { memo, type ReactNode } from 'react';
import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title, type MantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { IconAlertTriangle, IconBook, IconCake, IconCalendarEvent, IconFileAlert, IconPhone, IconUsers } from '@tabler/icons-react';
import { useProcedure } from '../../data/index.js';
import { useErrorText } from '../../app/errors.js';
import { useClassName } from '../children/format.js';
import { useLunarLabel } from '../birthdays/format.js';
import { BackupWarning } from './BackupWarning.js';
import { CareDue } from '../care/CareDue.js';
import { ClosingWarning } from './ClosingWarning.js';
import { FirstSteps } from './FirstSteps.js';
import { DutyToday } from './DutyToday.js';
import { badgeLook, usePlainLooks, withStyle } from '../../components/WindowedRows/plain.js';
import { PlainBadge } from '../../components/WindowedRows/PlainParts.js';
import { ratePercent } from '../../../../shared/domain/percent.js';

const roomBadge = (theme: MantineTheme) => withStyle(badgeLook(theme, { variant: 'light', size: 'lg' }), { cursor: 'pointer', textTransform: 'none' });

/**
 * The children in the room, a name badge each, linking to the child's page. Plain elements with Mantine's
 * Badge look (`badgeLook`): a Badge is a component with its style hooks, and a room of hundreds (a big school's
 * afternoon) took Today most of a second to draw on an old PC.
 */
const InRoom = memo(function InRoom({ children }: { children: readonly { id: number; name: string }[] }) {
  const navigate = useNavigate();
  const look = usePlainLooks(roomBadge);
  return (
    <Group gap={6}>
      {children.map((c) => (
        <PlainBadge key={c.id} look={look} onClick={() => navigate(`/children/${c.id}`)}>
          {c.name}
        </PlainBadge>
      ))}
    </Group>
  );
});

function Card({ icon, title, to, link, children, testId }: { icon: ReactNode; title: string; to: string; link: string; children: ReactNode; testId: string }) {
  const navigate = useNavigate();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Text fw={700}>{title}</Text>
        </Group>
        <Anchor size="sm" onClick={() => navigate(to)}>
          {link}
        </Anchor>
      </Group>
      {children}
    </Paper>
  );
}

/** The desk's home: who is in, birthdays, overdue books, children to call home, records to finish. */
export function TodayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const className = useClassName();
  const lunarLabel = useLunarLabel();
  // A child signing in at the kiosk, or a call logged elsewhere, shows here at once (what it reads changed).
  const data = useProcedure('today.overview', {}, { refetchInterval: 60_000 });
  if (data.isError) return <Alert color="red">{errorText(data.error)}</Alert>;
  const d = data.data;
  if (!d) return null;
  const weekday = t(`birthdays:weekdays.${dayjs(d.today).day()}`);
  const others = d.birthdaysWeek.filter((b) => b.date !== d.today);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('today:title')}</Title>
        <Group gap="sm">
          <Text c="dimmed">
            {d.today} {weekday}
            {d.term && ` · ${d.term.name}`}
          </Text>
          {d.term && (
            <Anchor size="sm" onClick={() => navigate('/summary')} data-testid="today-summary">
              {t('today:summary')}
            </Anchor>
          )}
        </Group>
      </Group>
      <ClosingWarning />
      <BackupWarning />
      <FirstSteps />
      <DutyToday today={d.today} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card testId="today-room" icon={<IconUsers size={20} />} title={t('today:room.title', { count: d.inRoom.count })} to="/attendance" link={t('today:room.link')}>
          {d.inRoom.count === 0 ? (
            <Text size="sm" c="dimmed">{t('today:room.none')}</Text>
          ) : (
            <>
              <InRoom children={d.inRoom.children} />
              {d.inRoom.count > d.inRoom.children.length && (
                <Text size="sm" c="dimmed" mt={6} data-testid="today-room-more">
                  {t('today:room.more', { count: d.inRoom.count - d.inRoom.children.length })}
                </Text>
              )}
            </>
          )}
        </Card>
        <Card testId="today-birthdays" icon={<IconCake size={20} />} title={t('today:birthdays.title')} to="/birthdays" link={t('today:birthdays.link')}>
          {d.birthdaysToday.length === 0 ? (
            <Text size="sm" c="dimmed">{t('today:birthdays.noneToday')}</Text>
          ) : (
            d.birthdaysToday.map((b) => (
              <Text key={b.childId} fw={700} c="pink.7" data-testid="birthday-today">
                <IconCake size={16} style={{ verticalAlign: -2 }} /> {b.age === null
                  ? t('today:birthdays.todayNoAge', { name: b.name, class: className(b.grade, b.classNo) })
                  : t('today:birthdays.today', { name: b.name, class: className(b.grade, b.classNo), age: b.age })}
                {b.calendar === 'lunar' && b.lunar && <Text span size="sm" c="dimmed"> （{lunarLabel(b.lunar)}）</Text>}
              </Text>
            ))
          )}
          {others.length > 0 && (
            <Text size="sm" mt={6}>
              {t('today:birthdays.week')}
              {others.map((b) => t('rota:nameDate', { name: b.name, date: dayjs(b.date).format('M/D') })).join(t('rota:listSep'))}
            </Text>
          )}
        </Card>
        <Card testId="today-calls" icon={<IconPhone size={20} />} title={t('today:calls.title', { count: d.callHome.count })} to="/calls" link={t('today:calls.link')}>
          {d.callHome.count === 0 ? (
            <Text size="sm" c="dimmed">{d.records.total === 0 ? t('rota:empty.calls') : d.inRoom.count === 0 ? t('rota:empty.callsNobodyIn') : t('today:calls.none', { days: d.callHome.days })}</Text>
          ) : (
            <Table fz="sm" verticalSpacing={2}>
              <Table.Tbody>
                {d.callHome.children.map((c) => (
                  <Table.Tr key={c.childId}>
                    <Table.Td fw={600}>{c.name}</Table.Td>
                    <Table.Td c="dimmed">{c.lastDay === null ? t('calls:never') : t('calls:daysAgo', { day: c.lastDay, count: c.daysSince ?? 0 })}</Table.Td>
                    <Table.Td>{c.parents.flatMap((p) => p.phones.slice(0, 1).map((ph) => `${t(`children:roles.${p.role}`)} ${ph}`)).join(t('rota:listSep'))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card testId="today-overdue" icon={<IconBook size={20} />} title={t('today:overdue.title', { count: d.overdue.count })} to="/library/loans" link={t('today:overdue.link')}>
          {d.overdue.count === 0 ? (
            <Text size="sm" c="dimmed">{t('today:overdue.none')}</Text>
          ) : (
            <Table fz="sm" verticalSpacing={2}>
              <Table.Tbody>
                {d.overdue.loans.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td fw={600}>{l.childName}</Table.Td>
                    <Table.Td>{className(l.grade, l.classNo)}</Table.Td>
                    <Table.Td>《{l.title}》</Table.Td>
                    <Table.Td c="red">{t('library:overdueDays', { count: l.daysOverdue })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card testId="today-events" icon={<IconCalendarEvent size={20} />} title={t('today:events.title', { count: d.events.length })} to="/events" link={t('today:events.link')}>
          {d.events.length === 0 ? (
            <Text size="sm" c="dimmed">{t('today:events.none')}</Text>
          ) : (
            <Table fz="sm" verticalSpacing={2}>
              <Table.Tbody>
                {d.events.map((e) => (
                  <Table.Tr key={e.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/events/${e.id}`)}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dayjs(e.startsAt).format('M/D HH:mm')}</Table.Td>
                    <Table.Td fw={600}>{e.title}</Table.Td>
                    <Table.Td c="dimmed">{e.capacity === null ? t('events:countNoLimit', { confirmed: e.confirmed }) : t('events:count', { confirmed: e.confirmed, capacity: e.capacity })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card testId="today-records" icon={<IconFileAlert size={20} />} title={t('today:records.title')} to="/children" link={t('today:records.link')}>
          {d.records.total === 0 ? (
            <Text size="sm" c="dimmed" data-testid="records-empty">{t('rota:empty.records')}</Text>
          ) : d.records.incomplete === 0 ? (
            <Text size="sm" c="dimmed">{t('today:records.complete', { total: d.records.total })}</Text>
          ) : (
            <Group gap="xs">
              <IconAlertTriangle size={18} color="orange" />
              <Text size="sm">{t('today:records.incomplete', { count: d.records.incomplete, total: d.records.total, rate: ratePercent(d.records.rate) })}</Text>
            </Group>
          )}
        </Card>
        <CareDue />
      </SimpleGrid>
    </Stack>
  );
}
