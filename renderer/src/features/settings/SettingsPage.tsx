import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/queries.js';
import { SchoolPanel } from './SchoolPanel.js';
import { TermsPanel } from './TermsPanel.js';
import { TeachersPanel } from './TeachersPanel.js';
import { AuditPanel } from './AuditPanel.js';
import { MyPinPanel } from './MyPinPanel.js';
import { HoursPanel } from './HoursPanel.js';
import { LibraryRulesPanel } from './LibraryRulesPanel.js';
import { CallRulesPanel } from './CallRulesPanel.js';
import { BackupPanel } from './BackupPanel.js';
import { CareRulesPanel } from '../care/CareRulesPanel.js';
import { RosterPanel } from './RosterPanel.js';
import { SchoolNumbersPanel } from '../rota/SchoolNumbersPanel.js';
import { StartPanel } from '../rota/StartPanel.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isAdmin = session.data?.teacher?.role === 'admin';
  // The Today page's backup warning links straight to its tab.
  const [search] = useSearchParams();
  return (
    <Stack>
      <Title order={2}>{t('settings:title')}</Title>
      <Tabs defaultValue={search.get('tab') ?? 'school'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="school">{t('settings:tabs.school')}</Tabs.Tab>
          <Tabs.Tab value="terms">{t('settings:tabs.terms')}</Tabs.Tab>
          <Tabs.Tab value="hours">{t('settings:tabs.hours')}</Tabs.Tab>
          <Tabs.Tab value="library">{t('settings:tabs.library')}</Tabs.Tab>
          <Tabs.Tab value="calls">{t('settings:tabs.calls')}</Tabs.Tab>
          <Tabs.Tab value="care">{t('care:rules.tab')}</Tabs.Tab>
          <Tabs.Tab value="roster">{t('settings:tabs.roster')}</Tabs.Tab>
          <Tabs.Tab value="teachers">{t('settings:tabs.teachers')}</Tabs.Tab>
          {isAdmin && <Tabs.Tab value="backup">{t('settings:tabs.backup')}</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="audit">{t('settings:tabs.audit')}</Tabs.Tab>}
          {isAdmin && <Tabs.Tab value="start">{t('rota:start.tab')}</Tabs.Tab>}
          <Tabs.Tab value="myPin">{t('settings:tabs.myPin')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="school" pt="md">
          <SchoolPanel isAdmin={isAdmin} />
          <SchoolNumbersPanel isAdmin={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="terms" pt="md">
          <TermsPanel isAdmin={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="hours" pt="md">
          <HoursPanel isAdmin={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="library" pt="md">
          <LibraryRulesPanel isAdmin={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="calls" pt="md">
          <CallRulesPanel isAdmin={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="care" pt="md">
          <CareRulesPanel isAdmin={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="roster" pt="md">
          <RosterPanel isAdmin={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="teachers" pt="md">
          <TeachersPanel isAdmin={isAdmin} />
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="backup" pt="md">
            <BackupPanel />
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="audit" pt="md">
            <AuditPanel />
          </Tabs.Panel>
        )}
        {isAdmin && (
          <Tabs.Panel value="start" pt="md">
            <StartPanel />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="myPin" pt="md">
          <MyPinPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
