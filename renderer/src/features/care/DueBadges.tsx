import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../../shared/domain/care.js';

/** What is due for one child, one badge each; red when its day has passed. */
export function DueBadges({ items, today }: { items: readonly DueItem[]; today: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Badge color="teal" variant="light">{t('care:due.none')}</Badge>;
  return (
    <Group gap={4}>
      {items.map((d, i) => (
        <Badge key={i} color={d.by < today ? 'red' : d.kind === 'review' || d.kind === 'followUp' ? 'orange' : 'blue'} variant="light" style={{ textTransform: 'none' }}>
          {t(`care:due.${d.kind}`, { by: d.by.slice(5), done: d.done, target: d.target })}
        </Badge>
      ))}
    </Group>
  );
}
