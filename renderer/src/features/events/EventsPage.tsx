import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Segmented } from '../../components/Segmented/index.js';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { IconCategory, IconPlus } from '@tabler/icons-react';
import type { EventItem } from '../../../../shared/domain/events.js';
import { api } from '../../api.js';
import { useProcedure } from '../../data/index.js';
import { EventForm, useCategoryLabel, useEventCategories } from './EventForm.js';
import { CategoriesModal } from '../../app/CategoriesModal.js';

export const STATUS_COLOR = { planned: 'blue', cancelled: 'gray', held: 'teal' } as const;

export function useWhen(): (e: Pick<EventItem, 'startsAt' | 'endsAt' | 'sessions'>) => string {
  const { t } = useTranslation();
  return (e) =>
    `${dayjs(e.startsAt).format('YYYY-MM-DD HH:mm')}–${dayjs(e.endsAt).format('HH:mm')}${e.sessions > 1 ? ` · ${t('events:weekly', { count: e.sessions })}` : ''}`;
}

export function EventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const category = useCategoryLabel();
  const when = useWhen();
  const [view, setView] = useState<'upcoming' | 'past'>('upcoming');
  const [creating, setCreating] = useState(false);
  const [editingCategories, setEditingCategories] = useState(false);
  const categories = useEventCategories();
  const events = useProcedure('events.list', { when: view });
  const list = events.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('events:title')}</Title>
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('events:new')}
          </Button>
          <Button variant="default" leftSection={<IconCategory size={16} />} onClick={() => setEditingCategories(true)}>
            {t('events:categoriesTitle')}
          </Button>
        </Group>
      </Group>
      <Segmented w={240} value={view} onChange={setView} data={[{ value: 'upcoming', label: t('events:upcoming') }, { value: 'past', label: t('events:past') }]} />
      {events.isSuccess && list.length === 0 ? (
        <Text c="dimmed">{view === 'upcoming' ? t('events:noneUpcoming') : t('events:nonePast')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events:fields.title')}</Table.Th>
              <Table.Th>{t('events:fields.category')}</Table.Th>
              <Table.Th>{t('events:when')}</Table.Th>
              <Table.Th>{t('events:fields.place')}</Table.Th>
              <Table.Th>{t('events:places')}</Table.Th>
              <Table.Th>{t('events:status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((e) => (
              <Table.Tr key={e.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/events/${e.id}`)}>
                <Table.Td fw={600}>{e.title}</Table.Td>
                <Table.Td>{category(e.categoryId)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e)}</Table.Td>
                <Table.Td>{e.place}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {e.capacity === null ? t('events:countNoLimit', { confirmed: e.confirmed }) : t('events:count', { confirmed: e.confirmed, capacity: e.capacity })}
                  {e.waitlist > 0 && ` · ${t('events:waitlistN', { count: e.waitlist })}`}
                </Table.Td>
                <Table.Td>
                  {/* In the upcoming list a weekly group with sessions still to come is going on, not over. */}
                  {view === 'upcoming' && e.status === 'held' ? (
                    <Badge variant="light" color="blue">
                      {t('rota:events.ongoing')}
                    </Badge>
                  ) : (
                    <Badge variant="light" color={STATUS_COLOR[e.status]}>
                      {t(`events:statuses.${e.status}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CategoriesModal
        opened={editingCategories}
        onClose={() => setEditingCategories(false)}
        title={t('events:categoriesTitle')}
        nameLabel={t('events:categoryName')}
        addLabel={t('events:addCategory')}
        categories={categories.data ?? []}
        labelOf={(c) => (c.key ? t(`events:categories.${c.key}`) : c.name)}
        save={(v) => api.events.saveCategory(v)}
        remove={(id) => api.events.removeCategory({ id })}
      />
      {creating && <EventForm event={null} onClose={() => setCreating(false)} onSaved={(d) => navigate(`/events/${d.event.id}`)} />}
    </Stack>
  );
}
