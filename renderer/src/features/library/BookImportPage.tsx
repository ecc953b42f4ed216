import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconPrinter } from '@tabler/icons-react';
import type { BookImportRow } from '../../../../shared/domain/bookImport.js';
import { api } from '../../api.js';
import { SpreadsheetImport } from '../../components/SpreadsheetImport/index.js';

const STATUS_COLOR = { new: 'teal', copies: 'blue', existing: 'gray', error: 'red' } as const;

/** Choose a book list → see every row and its problems → confirm → one transaction. */
export function BookImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SpreadsheetImport
      title={t('library:import.title')}
      titleOrder={3}
      intro={t('library:import.intro')}
      read={(file) => api.library.importPreview(file)}
      commit={(importId) => api.library.importCommit({ importId })}
      template={() => api.library.importTemplate()}
      counts={(p) => t('library:import.counts', { ...p.counts })}
      statusLabel={(s) => t(`library:import.status.${s}`)}
      statusColor={STATUS_COLOR}
      statusWidth={100}
      columns={[
        { header: t('library:columns.title'), cell: (r: BookImportRow) => r.title },
        { header: t('library:columns.author'), cell: (r) => r.author },
        { header: 'ISBN', cell: (r) => r.isbn ?? '' },
        { header: t('library:columns.barcode'), cell: (r) => r.barcode ?? '' },
        { header: t('library:fields.count'), cell: (r) => r.count || '' },
      ]}
      fieldName={(field) => t(`library:fields.${field}`, { defaultValue: field })}
      confirmLabel={(p) => t('library:import.confirm', { count: p.counts.copies })}
      outcome={(r) => ({
        color: r.copies > 0 ? 'teal' : 'gray',
        text: r.copies > 0 ? t('library:import.done', { ...r }) : t('library:import.nothingNew', { ...r }),
        action: r.newCopyIds.length > 0 && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPrinter size={14} />} onClick={() => navigate(`/print/labels?ids=${r.newCopyIds.join(',')}`)}>
            {t('library:printLabels')}
          </Button>
        ),
      })}
    />
  );
}
