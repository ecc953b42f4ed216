import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';

const GRADES = [1, 2, 3, 4, 5, 6];

/**
 * Grade and class pickers for a list of children; choosing a grade clears the class. Native selects with
 * Mantine's input look, their first choice "all": a Mantine `Select` (its combobox, popover and positioning)
 * cost a page with these filters some 30 ms each to draw at 4× CPU, on every visit.
 */
export function ClassFilter({
  grade,
  classNo,
  onChange,
}: {
  grade: number | null;
  classNo: number | null;
  onChange: (next: { grade: number | null; classNo: number | null }) => void;
}) {
  const { t } = useTranslation();
  const classes = useProcedure('children.classes');
  const classOptions = [...new Set((classes.data ?? []).filter((c) => grade === null || c.grade === grade).map((c) => c.classNo))].sort((a, b) => a - b);
  return (
    <>
      <NativeSelect
        aria-label={t('children:allGrades')}
        w={125}
        data={[{ value: '', label: t('children:allGrades') }, ...GRADES.map((g) => ({ value: String(g), label: t('children:gradeN', { grade: t(`children:grades.${g}`) }) }))]}
        value={grade === null ? '' : String(grade)}
        onChange={(e) => onChange({ grade: e.currentTarget.value === '' ? null : Number(e.currentTarget.value), classNo: null })}
      />
      <NativeSelect
        aria-label={t('children:allClasses')}
        w={125}
        data={[{ value: '', label: t('children:allClasses') }, ...classOptions.map((n) => ({ value: String(n), label: t('children:classN', { classNo: n }) }))]}
        value={classNo === null ? '' : String(classNo)}
        onChange={(e) => onChange({ grade, classNo: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
      />
    </>
  );
}
