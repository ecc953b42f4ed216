import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { downloadFile } from '../../files.js';
import { useErrorText } from '../../app/errors.js';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportRow } from '../../../../shared/domain/roster.js';
import { api } from '../../api.js';
import { useClassName } from './format.js';
import { SpreadsheetImport } from '../../components/SpreadsheetImport/index.js';

const STATUS_COLOR = { new: 'teal', existing: 'gray', error: 'red' } as const;

/** Choose a roster → see every row and its problems → confirm → one transaction. */
export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const className = useClassName();
  const errorText = useErrorText();
  return (
    <SpreadsheetImport
      title={t('children:importTitle')}
      intro={t('children:importIntro')}
      chooseTestId="choose-roster"
      read={(file) => api.children.importPreview(file)}
      commit={(importId) => api.children.importCommit({ importId })}
      template={() => api.children.importTemplate()}
      counts={(p) => t('children:counts', { ...p.counts })}
      statusLabel={(s) => t(`children:rowStatus.${s}`)}
      statusColor={STATUS_COLOR}
      columns={[
        { header: t('children:columns.name'), cell: (r: ImportRow) => r.name, nowrap: true },
        { header: t('children:columns.birthDate'), cell: (r) => r.birthDate ?? '', nowrap: true },
        { header: t('children:columns.class'), cell: (r) => className(r.grade, r.classNo), nowrap: true },
        { header: t('children:columns.category'), cell: (r) => (r.category ? t(`children:category.${r.category}`) : ''), nowrap: true },
        { header: t('children:columns.guardian'), cell: (r) => r.guardian, nowrap: true },
      ]}
      fieldName={(field) => t(`children:fieldNames.${field}`, { defaultValue: field })}
      confirmLabel={(p) => t('children:confirmImport', { count: p.counts.new })}
      outcome={(r, importId) => ({
        color: r.created > 0 ? 'teal' : 'gray',
        text: `${r.created > 0 ? t('children:imported', { ...r }) : t('children:nothingNew', { ...r })}${r.created > 0 && r.existing > 0 ? ` ${t('children:importedExisting', { ...r })}` : ''}`,
        action: (
          <Group gap="xs">
            {r.errors > 0 && (
              <Button
                variant="light"
                color="red"
                size="compact-sm"
                leftSection={<IconDownload size={14} />}
                data-testid="download-refused"
                onClick={() => {
                  api.children
                    .importRefused({ importId })
                    .then(downloadFile)
                    .catch((err: unknown) => notifications.show({ color: 'red', message: errorText(err) }));
                }}
              >
                {t('children:downloadRefused', { count: r.errors })}
              </Button>
            )}
            <Button variant="subtle" size="compact-sm" onClick={() => navigate('/children')}>
              {t('children:title')}
            </Button>
          </Group>
        ),
      })}
    />
  );
}
