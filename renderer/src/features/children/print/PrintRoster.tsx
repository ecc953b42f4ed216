import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PrintCard } from '../../../../../shared/domain/roster.js';
import { api } from '../../../api.js';
import { useAppInfo } from '../../../app/queries.js';
import { filterFromSearch, useClassName } from '../format.js';
import { PrintFrame } from './PrintFrame.js';

const ROWS_PER_PAGE = 22;

/** The 花名册 on A4 landscape: the children of the list's filter, with family phones and work places. */
export function PrintRoster() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const info = useAppInfo();
  const className = useClassName();
  const filter = filterFromSearch(search);
  const rows = useQuery({
    queryKey: ['children.printData', 'roster', filter],
    queryFn: () => api.children.printData({ kind: 'roster', filter: { ...filter, limit: 5000 } }),
    staleTime: Infinity,
  });
  const pages: PrintCard[][] = [];
  for (let i = 0; i < (rows.data?.length ?? 0); i += ROWS_PER_PAGE) pages.push(rows.data!.slice(i, i + ROWS_PER_PAGE));
  const parent = (p: PrintCard['father']) => (p ? [p.name, p.phones.join(' / '), p.workPlace].filter(Boolean).join(' ') : '');
  return (
    <PrintFrame fileName={`花名册-${info.data?.today ?? ''}.pdf`} orientation="landscape" ready={rows.isSuccess} error={rows.error}>
      {pages.map((page, p) => (
        <div className="print-sheet landscape" key={p}>
          <div className="roster-head">
            <h1>{t('children:print.rosterTitle', { school: info.data?.schoolName ?? '' })}</h1>
            <span>
              {t('children:print.printedOn', { date: info.data?.today ?? '' })} · {t('children:print.page', { page: p + 1 })}
            </span>
          </div>
          <table className="roster-table">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('children:columns.name')}</th>
                <th>{t('children:columns.gender')}</th>
                <th>{t('children:columns.birthDate')}</th>
                <th>{t('children:columns.class')}</th>
                <th>{t('children:columns.away')}</th>
                <th>{t('children:columns.guardian')}</th>
                <th>{t('children:print.father')}</th>
                <th>{t('children:print.mother')}</th>
                <th>{t('children:fields.mentor')}</th>
              </tr>
            </thead>
            <tbody>
              {page.map((c, i) => (
                <tr key={c.id}>
                  <td>{p * ROWS_PER_PAGE + i + 1}</td>
                  <td>{c.name}</td>
                  <td>{c.gender ? t(`children:gender.${c.gender}`) : ''}</td>
                  <td>{c.birthDate ?? ''}</td>
                  <td>{className(c.grade, c.classNo)}</td>
                  <td>{t(`children:away.${c.awayParents}`)}</td>
                  <td>{c.guardian ? `${c.guardian.name} ${c.guardian.phones.join(' / ')}` : ''}</td>
                  <td>{parent(c.father)}</td>
                  <td>{parent(c.mother)}</td>
                  <td>{c.mentorName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </PrintFrame>
  );
}
