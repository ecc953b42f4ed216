import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Section } from './sections.js';

/** A planned section that is not built yet says so plainly, with no sample data. */
export function NotBuilt({ section }: { section: Section }) {
  const { t } = useTranslation();
  const name = t(`nav:${section}`);
  return (
    <Stack maw={720}>
      <Title order={2}>{name}</Title>
      <Alert icon={<IconTools size={20} />} color="gray" title={t('common:notBuilt.title')}>
        <Text size="sm">{t('common:notBuilt.body', { section: name, plan: t(`nav:plans.${section}`) })}</Text>
        <Text size="sm" mt="xs" c="dimmed">
          {t('common:notBuilt.noData')}
        </Text>
      </Alert>
    </Stack>
  );
}
