import { ActionIcon, List, Popover, Stack, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const PARTS = ['leftBehind', 'oneAway', 'unsupported', 'orphan'] as const;

/**
 * The definitions behind the categories (国发〔2016〕13号, 民发〔2019〕62号), next to every list, filter and figure
 * that uses them. `priority` adds which categories the events' "left-behind first" means.
 */
export function CategoryHelp({ priority = false }: { priority?: boolean }) {
  const { t } = useTranslation();
  return (
    <Popover width={460} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" size="sm" aria-label={t('children:categoryHelp.title')} title={t('children:categoryHelp.title')}>
          <IconHelpCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text fw={600} size="sm">{t('children:categoryHelp.title')}</Text>
          <List size="sm" spacing={4}>
            {PARTS.map((p) => (
              <List.Item key={p}>{t(`children:categoryHelp.${p}`)}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">{t('children:categoryHelp.derived')}</Text>
          {priority && <Text size="xs">{t('children:categoryHelp.priority')}</Text>}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
