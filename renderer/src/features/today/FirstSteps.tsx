import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconCircleCheckFilled, IconCircleDashed } from '@tabler/icons-react';
import { useProcedure } from '../../data/index.js';
import { useSession } from '../../app/queries.js';

/** The first steps of a new room, each ticked by the data itself; gone once all are done. */
export function FirstSteps() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const isAdmin = session.data?.teacher?.role === 'admin';
  const steps = useProcedure('firstrun.steps');
  const s = steps.data;
  if (!s) return null;
  const list = [
    { key: 'children', done: s.children > 0, to: '/children/import' },
    { key: 'teachers', done: s.teachers > 1, to: '/settings?tab=teachers' },
    { key: 'hours', done: s.hoursSet, to: '/settings?tab=hours' },
    { key: 'rota', done: s.rotaSet, to: '/settings?tab=teachers' },
    { key: 'books', done: s.books > 0, to: '/library/import' },
  ] as const;
  const done = list.filter((x) => x.done).length;
  return (
    <Stack gap="sm">
      {s.demo && (
        <Alert color="grape" variant="light" title={t('rota:firstSteps.demoTitle')} data-testid="demo-banner">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('rota:firstSteps.demoBody')}</Text>
            {isAdmin && (
              <Button size="xs" color="grape" onClick={() => navigate('/settings?tab=start')} style={{ flexShrink: 0 }}>
                {t('rota:start.button')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {!s.demo && done < list.length && (
        <Paper withBorder p="md" data-testid="first-steps">
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('rota:firstSteps.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('rota:firstSteps.progress', { done, total: list.length })}
            </Text>
          </Group>
          <Progress value={(done / list.length) * 100} size="sm" mb="sm" />
          <Stack gap={6}>
            {list.map((x) => (
              <Group key={x.key} gap="xs" wrap="nowrap" data-testid={`step-${x.key}`} data-done={x.done ? 'yes' : 'no'}>
                {x.done ? <IconCircleCheckFilled size={20} color="var(--mantine-color-teal-6)" /> : <IconCircleDashed size={20} color="var(--mantine-color-gray-5)" />}
                {x.done ? (
                  <Text size="sm" c="dimmed" td="line-through">
                    {t(`rota:firstSteps.${x.key}`)}
                  </Text>
                ) : (
                  <Anchor size="sm" onClick={() => navigate(x.to)}>
                    {t(`rota:firstSteps.${x.key}`)}
                  </Anchor>
                )}
                {!x.done && (
                  <Text size="xs" c="dimmed">
                    {t(`rota:firstSteps.${x.key}Hint`)}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
