import { Button } from '@mantine/core';
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
        { header: t('children:columns.away'), cell: (r) => (r.awayParents ? t(`children:away.${r.awayParents}`) : ''), nowrap: true },
        { header: t('children:columns.guardian'), cell: (r) => r.guardian },
      ]}
      fieldName={(field) => t(`children:fieldNames.${field}`, { defaultValue: field })}
      confirmLabel={(p) => t('children:confirmImport', { count: p.counts.new })}
      outcome={(r) => ({
        color: r.created > 0 ? 'teal' : 'gray',
        text: `${r.created > 0 ? t('children:imported', { ...r }) : t('children:nothingNew', { ...r })}${r.created > 0 && r.existing > 0 ? ` ${t('children:importedExisting', { ...r })}` : ''}`,
        action: (
          <Button variant="subtle" size="compact-sm" onClick={() => navigate('/children')}>
            {t('children:title')}
          </Button>
        ),
      })}
    />
  );
}
