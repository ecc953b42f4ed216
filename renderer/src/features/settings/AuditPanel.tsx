import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useProcedure } from '../../data/index.js';
import { formatAuditDetail, withChildNames, type DetailWords } from './auditDetail.js';
import { useClassCode } from '../rota/teacherFormat.js';

const COPY_STATES = new Set(['available', 'onLoan', 'lost', 'damaged', 'withdrawn']);
/** Keys that hold an id the subject column already names. */
const ID_KEYS = new Set(['childId', 'teacherId', 'bookId', 'eventId', 'visitId']);
/** Unix ms between 2000 and 2100: a time, whatever its key is called. */
const isInstant = (key: string, v: number) => key === 'until' || key === 'at' || (Number.isInteger(v) && v > 946_684_800_000 && v < 4_102_444_800_000);

/** The detail without the ids the subject column already names. */
function withoutIds(detail: string | null): string | null {
  if (!detail) return detail;
  try {
    const v: unknown = JSON.parse(detail);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return detail;
    return JSON.stringify(Object.fromEntries(Object.entries(v).filter(([k]) => !ID_KEYS.has(k))));
  } catch {
    return detail;
  }
}

export function AuditPanel() {
  const { t } = useTranslation();
  const classCode = useClassCode();
  const words: DetailWords = {
    field: (key) => t(`settings:audit.fields.${key}`, { defaultValue: t(`rota:audit.fields.${key}`, { defaultValue: key }) }),
    value: (key, v) => {
      if (v === '') return '—';
      if (key === 'dutyDays' && typeof v === 'number') return t(`birthdays:weekdays.${v}`);
      if (key === 'classes' && typeof v === 'string') return classCode(v);
      if (key === 'role' && (v === 'admin' || v === 'teacher')) return t(`auth:roles.${v}`);
      if (key === 'language' && (v === 'zh-CN' || v === 'en')) return t(`common:languages.${v}`);
      if (key === 'status' && typeof v === 'string' && COPY_STATES.has(v)) return t(`library:states.${v}`);
      if (key === 'status' && (v === 'planned' || v === 'cancelled' || v === 'held')) return t(`events:statuses.${v}`);
      // Instants (sign-in times, locks, backups) as a time, never as 1796023800000.
      if (typeof v === 'number' && isInstant(key, v)) return dayjs(v).format('YYYY-MM-DD HH:mm');
      return String(v);
    },
  };
  const audit = useProcedure('audit.list', { limit: 200 }, { staleTime: 0 });
  if (audit.data?.length === 0) return <Text c="dimmed">{t('settings:audit.none')}</Text>;
  return (
    <ScrollArea h={520}>
      <Table striped stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>{t('settings:audit.time')}</Table.Th>
            <Table.Th w={140}>{t('settings:audit.teacher')}</Table.Th>
            <Table.Th w={200}>{t('settings:audit.action')}</Table.Th>
            <Table.Th w={140}>{t('rota:audit.subject')}</Table.Th>
            <Table.Th>{t('settings:audit.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(audit.data ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{dayjs(a.at).format('YYYY-MM-DD HH:mm')}</Table.Td>
              <Table.Td>{a.teacherName ?? t('settings:audit.system')}</Table.Td>
              <Table.Td>{t(`settings:audit.actions.${a.action}`, { defaultValue: t(`rota:audit.actions.${a.action}`, { defaultValue: a.action }) })}</Table.Td>
              <Table.Td fw={600}>{a.subject ?? ''}</Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                  {formatAuditDetail(a.subject === null ? withChildNames(a.detail, a.childNames) : withoutIds(a.detail), words)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
