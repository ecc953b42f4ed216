import { useState } from 'react';
import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IconHome, IconMessageCircle } from '@tabler/icons-react';
import { WhenToday } from '../../app/useToday.js';
import { MineTab } from './MineTab.js';
import { PairingsTab } from './PairingsTab.js';
import { TalksTab, VisitsTab } from './RecordsTabs.js';
import { AttentionTab } from './AttentionTab.js';
import { GuardiansTab } from './GuardiansTab.js';
import { SupportTab } from './SupportTab.js';
import { TalkModal } from './TalkModal.js';
import { VisitModal } from './VisitModal.js';

/** 关爱帮扶: my paired children, the pairing list, talks, home visits, guardians, close attention, support. */
export function CarePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [talk, setTalk] = useState<{ childId: number | null } | null>(null);
  const [visit, setVisit] = useState<{ childId: number | null } | null>(null);
  const tab = search.get('tab') ?? 'mine';
  return (
    <WhenToday>
      {(today) => (
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2}>{t('care:title')}</Title>
            <Group gap="xs">
              <Button leftSection={<IconMessageCircle size={16} />} onClick={() => setTalk({ childId: null })}>{t('care:talk.log')}</Button>
              <Button variant="light" leftSection={<IconHome size={16} />} onClick={() => setVisit({ childId: null })}>{t('care:visit.log')}</Button>
            </Group>
          </Group>
          <Tabs value={tab} onChange={(v) => v && setSearch({ tab: v }, { replace: true })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="mine">{t('care:tabs.mine')}</Tabs.Tab>
              <Tabs.Tab value="pairings">{t('care:tabs.pairings')}</Tabs.Tab>
              <Tabs.Tab value="talks">{t('care:tabs.talks')}</Tabs.Tab>
              <Tabs.Tab value="visits">{t('care:tabs.visits')}</Tabs.Tab>
              <Tabs.Tab value="guardians">{t('care:tabs.guardians')}</Tabs.Tab>
              <Tabs.Tab value="attention">{t('care:tabs.attention')}</Tabs.Tab>
              <Tabs.Tab value="support">{t('care:tabs.support')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="mine" pt="md">
              <MineTab today={today} onTalk={(childId) => setTalk({ childId })} onVisit={(childId) => setVisit({ childId })} />
            </Tabs.Panel>
            <Tabs.Panel value="pairings" pt="md">
              <PairingsTab today={today} />
            </Tabs.Panel>
            <Tabs.Panel value="talks" pt="md">
              <TalksTab today={today} />
            </Tabs.Panel>
            <Tabs.Panel value="visits" pt="md">
              <VisitsTab onVisit={(childId) => setVisit({ childId })} />
            </Tabs.Panel>
            <Tabs.Panel value="guardians" pt="md">
              <GuardiansTab today={today} />
            </Tabs.Panel>
            <Tabs.Panel value="attention" pt="md">
              <AttentionTab today={today} />
            </Tabs.Panel>
            <Tabs.Panel value="support" pt="md">
              <SupportTab today={today} />
            </Tabs.Panel>
          </Tabs>
          <TalkModal opened={talk !== null} onClose={() => setTalk(null)} childId={talk?.childId ?? null} today={today} />
          <VisitModal opened={visit !== null} onClose={() => setVisit(null)} childId={visit?.childId ?? null} today={today} />
        </Stack>
      )}
    </WhenToday>
  );
}
