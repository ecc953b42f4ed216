import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Loan } from '../../../../../shared/domain/library.js';
import { useProcedure } from '../../../data/index.js';
import { useAppInfo } from '../../../app/queries.js';
import { useToday } from '../../../app/useToday.js';
import { useClassName } from '../../children/format.js';
import { PrintPage, PrintSheet, PrintTable } from '../../../components/PrintPage/index.js';

/** 逾期通知单: one sheet per class with its overdue books, for the class teacher to hand out. */
export function PrintOverdue() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const info = useAppInfo();
  const className = useClassName();
  const grade = search.get('grade');
  const classNo = search.get('classNo');
  const filter = { status: 'overdue' as const, grade: grade ? Number(grade) : null, classNo: classNo ? Number(classNo) : null };
  const loans = useProcedure('library.printOverdue', filter, { staleTime: Infinity });
  const today = useToday() ?? '';
  const byClass = new Map<string, Loan[]>();
  for (const l of loans.data ?? []) {
    const k = `${l.grade}-${l.classNo}`;
    byClass.set(k, [...(byClass.get(k) ?? []), l]);
  }
  const groups = [...byClass.values()];
  return (
    <PrintPage fileName={`图书逾期通知单-${today}.pdf`} orientation="portrait" ready={loans.isSuccess} error={loans.error}>
      {loans.isSuccess && groups.length === 0 && (
        <PrintSheet orientation="portrait">
          <p>{t('library:slips.none')}</p>
        </PrintSheet>
      )}
      {groups.map((list) => (
        <PrintTable
          key={`${list[0]!.grade}-${list[0]!.classNo}`}
          items={list}
          perPage={28}
          orientation="portrait"
          title={t('library:slips.title', { class: className(list[0]!.grade, list[0]!.classNo) })}
          aside={(page) => `${info.data?.schoolName ?? ''}${info.data?.roomName ?? ''} · ${today} · ${t('children:print.page', { page })}`}
          headers={[t('library:columns.child'), t('library:columns.title'), t('library:columns.barcode'), t('library:columns.lentOn'), t('library:columns.due'), t('library:columns.overdue')]}
          rowKey={(l) => l.id}
          cells={(l) => [l.childName, l.title, l.barcode, l.lentOn, l.dueOn, t('library:overdueDays', { count: l.daysOverdue })]}
          last={<p style={{ marginTop: '8mm', fontSize: '10.5pt' }}>{t('library:slips.note')}</p>}
        />
      ))}
    </PrintPage>
  );
}
