import { Alert, Button, Group, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { useProcedure } from '../../data/index.js';

/**
 * After closing time with children still in, the Today page says so too (the board has the same alert
 * with 全部签退). Times are compared on the core's clock (the board's `now`), never the PC's.
 */
export function ClosingWarning() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const board = useProcedure('attendance.board', {}, { refetchInterval: 60_000 });
  const b = board.data;
  if (!b || b.closesAt === null || b.now < b.closesAt || b.counts.in === 0) return null;
  return (
    <Alert color="red" variant="filled" icon={<IconClockExclamation size={20} />} role="alert" data-testid="today-closing">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700}>{t('attendance:closingToday', { time: dayjs(b.closesAt).format('HH:mm'), count: b.counts.in })}</Text>
        <Button color="red" variant="white" size="compact-md" onClick={() => navigate('/attendance')} style={{ flexShrink: 0 }}>
          {t('attendance:closingOpen')}
        </Button>
      </Group>
    </Alert>
  );
}
